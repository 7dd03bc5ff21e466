// The text layout of `kubectl describe`: "Label:  value" lines whose values line up within a block,
// nested blocks indented by two, and a generic rendering of any field tree for what no kind section
// covers (as kubectl does for custom resources).

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping => typeof value === 'object' && value !== null && !Array.isArray(value);

function withoutName(item: Mapping): Mapping {
  const { name: _name, ...rest } = item;
  return rest;
}

/** Maps whose keys are the user's words (label keys, resource names, data keys): printed as they are. */
const verbatimKeys = new Set(['labels', 'annotations', 'matchLabels', 'selector', 'nodeSelector', 'data', 'stringData', 'binaryData', 'requests', 'limits', 'capacity', 'allocatable', 'hard', 'used', 'parameters']);

const acronyms: Readonly<Record<string, string>> = { api: 'API', ip: 'IP', ips: 'IPs', uid: 'UID', url: 'URL', cidr: 'CIDR', dns: 'DNS', tls: 'TLS', id: 'ID', tcp: 'TCP', udp: 'UDP', qos: 'QoS' };

/** "podIPs" → "Pod IPs", "apiVersion" → "API Version", "terminationGracePeriodSeconds" → "Termination Grace Period Seconds". */
export function fieldLabel(key: string): string {
  const words = key.match(/[A-Z]{2,}(?=[A-Z][a-z]|s?$|\d)s?|[A-Z]?[a-z]+|\d+|[A-Z]+/g) ?? [key];
  return words.map((word) => acronyms[word.toLowerCase()] ?? `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`).join(' ');
}

type Row = { kind: 'pair'; label: string; value: string } | { kind: 'raw'; text: string } | { kind: 'nested'; lines: readonly string[] };

/** Collects a block's rows so that the values of all its pairs line up, nested blocks in between. */
export class DescribeWriter {
  private readonly rows: Row[] = [];
  private readonly indent: string;

  constructor(indent = '') {
    this.indent = indent;
  }

  /** "Label:  value", aligned with its neighbours; an empty value prints as `<none>`. */
  pair(label: string, value: string | number | boolean | undefined): this {
    const text = value === undefined || value === '' ? '<none>' : String(value);
    this.rows.push({ kind: 'pair', label, value: text });
    return this;
  }

  /** "Label:  a=b" then further entries under the first value, as kubectl prints labels. */
  entries(label: string, map: Readonly<Record<string, unknown>> | undefined, separator = '='): this {
    const shown = Object.entries(map ?? {}).map(([key, value]) => `${key}${separator}${typeof value === 'string' ? value : JSON.stringify(value)}`);
    this.pair(label, shown[0]);
    for (const extra of shown.slice(1)) this.rows.push({ kind: 'pair', label: '', value: extra });
    return this;
  }

  /** A line as it is (table rows, headings without values). */
  raw(text: string): this {
    this.rows.push({ kind: 'raw', text });
    return this;
  }

  /** "Label:" (or "Label:  value") and a nested block under it. */
  block(label: string, fill: (inner: DescribeWriter) => void, value?: string): this {
    if (value === undefined) this.rows.push({ kind: 'raw', text: `${label}:` });
    else this.pair(label, value);
    const inner = new DescribeWriter(`${this.indent}  `);
    fill(inner);
    this.rows.push({ kind: 'nested', lines: inner.done() });
    return this;
  }

  /** Any field tree, labelled as kubectl labels custom resources' fields. */
  tree(key: string, value: unknown, verbatim = false): this {
    const label = verbatim ? key : fieldLabel(key);
    if (Array.isArray(value)) {
      if (value.every((item) => !isMapping(item) && !Array.isArray(item))) return this.pair(label, value.map(String).join(', '));
      return this.block(label, (inner) => {
        value.forEach((item, index) => {
          if (!isMapping(item)) inner.raw(String(item));
          // A named item (a volume, a port) is labelled by its name, as kubectl lists volumes.
          else if (typeof item['name'] === 'string') inner.block(item['name'], (entry) => entry.fields(withoutName(item), false));
          else inner.block(`[${index}]`, (entry) => entry.fields(item, false));
        });
      });
    }
    if (isMapping(value)) {
      if (Object.keys(value).length === 0) return this.pair(label, undefined);
      return this.block(label, (inner) => inner.fields(value, verbatimKeys.has(key)));
    }
    // Multi-line text (a ConfigMap's file, a script) goes under its label, line by line.
    if (typeof value === 'string' && value.includes('\n')) return this.block(label, (inner) => value.replace(/\n$/, '').split('\n').forEach((line) => inner.raw(line)));
    return this.pair(label, value === null ? undefined : (value as string | number | boolean));
  }

  /** Every field of a mapping through `tree`. */
  fields(mapping: Mapping, verbatim: boolean): this {
    for (const [key, value] of Object.entries(mapping)) this.tree(key, value, verbatim);
    return this;
  }

  /** The lines written so far (the writer may go on). */
  done(): string[] {
    const width = this.rows.reduce((widest, row) => (row.kind === 'pair' ? Math.max(widest, row.label.length) : widest), 0);
    return this.rows.flatMap((row) => {
      if (row.kind === 'nested') return row.lines;
      if (row.kind === 'raw') return [`${this.indent}${row.text}`];
      return [`${this.indent}${row.label === '' ? ' '.repeat(width + 1) : `${row.label}:`.padEnd(width + 1)}  ${row.value}`];
    });
  }
}
