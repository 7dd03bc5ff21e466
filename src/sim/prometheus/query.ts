/**
 * The little PromQL the simulator answers: a cAdvisor metric with optional label matchers, the CPU
 * counter inside rate(...[duration]). Strict on purpose: anything else is an error naming what is
 * not supported, so a client never mistakes an approximation for Prometheus' answer.
 */
import { err, ok, type Result } from '../../core/result.ts';
import { parseDuration } from './duration.ts';
import { compileLabelRegex, maxStates } from './label-regex.ts';
import { aggregation } from './query-aggregation.ts';

export const cpuMetric = 'container_cpu_usage_seconds_total';
export const memoryMetric = 'container_memory_working_set_bytes';
/** cAdvisor's OOM counter and kube-state-metrics' last termination reason, per container. */
export const oomMetric = 'container_oom_events_total';
export const terminatedMetric = 'kube_pod_container_status_last_terminated_reason';
/** kube-prometheus' recording rule naming each pod's workload: what dashboards join on to aggregate by workload. */
export const ownerMetric = 'namespace_workload_pod:kube_pod_owner:relabel';

/** Which synthetic series a selector reads. */
export type SeriesKind = 'cpu' | 'memory' | 'oom' | 'terminated' | 'owner';
const gauges: Readonly<Record<string, SeriesKind>> = { [memoryMetric]: 'memory', [oomMetric]: 'oom', [terminatedMetric]: 'terminated', [ownerMetric]: 'owner' };

export type AggregationOp = 'max' | 'min' | 'avg' | 'sum' | 'count';
export const aggregationOps: readonly AggregationOp[] = ['max', 'min', 'avg', 'sum', 'count'];

/** `op by (labels) (selector * on(namespace, pod) group_left(labels) <ownerMetric>{...})`, the join optional. */
export interface Aggregation {
  readonly op: AggregationOp;
  readonly by: readonly string[];
  readonly join: { readonly labels: readonly string[]; readonly selects: (labels: Readonly<Record<string, string>>) => boolean } | undefined;
}

interface Matcher {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
  /** Offset of the quoted value in the query, for error positions. */
  readonly position: number;
}

export interface UsageQuery {
  readonly resource: SeriesKind;
  readonly metric: string;
  /** Whether a series with these labels matches every matcher. */
  readonly selects: (labels: Readonly<Record<string, string>>) => boolean;
  readonly aggregation?: Aggregation;
}

const identifier = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const metricName = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const escapes: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };

export class ParseError extends Error {}

/** A cursor over the query text; each method consumes what it names or throws ParseError. */
export class Cursor {
  private readonly text: string;
  position = 0;

  constructor(text: string) {
    this.text = text;
  }

  private fail(expected: string): never {
    const found = this.position < this.text.length ? `"${this.text[this.position]}"` : 'end of input';
    throw new ParseError(`1:${this.position + 1}: parse error: expected ${expected}, found ${found}`);
  }

  skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position += 1;
  }

  peek(literal: string): boolean {
    this.skipSpace();
    return this.text.startsWith(literal, this.position);
  }

  expect(literal: string): void {
    if (!this.peek(literal)) this.fail(`"${literal}"`);
    this.position += literal.length;
  }

  pattern(regex: RegExp, what: string): string {
    this.skipSpace();
    regex.lastIndex = this.position;
    const match = regex.exec(this.text);
    if (match === null) this.fail(what);
    this.position += match[0].length;
    return match[0];
  }

  quoted(): string {
    this.skipSpace();
    const quote = this.text[this.position];
    if (quote !== '"' && quote !== "'") this.fail('a quoted string');
    let value = '';
    for (let index = this.position + 1; index < this.text.length; index += 1) {
      const char = this.text[index] ?? '';
      if (char === quote) {
        this.position = index + 1;
        return value;
      }
      if (char === '\\') {
        index += 1;
        const escaped = escapes[this.text[index] ?? ''];
        if (escaped === undefined) throw new ParseError(`1:${index + 1}: parse error: unsupported escape sequence in string`);
        value += escaped;
      } else value += char;
    }
    throw new ParseError(`1:${this.position + 1}: parse error: unterminated quoted string`);
  }

  end(): void {
    this.skipSpace();
    if (this.position < this.text.length) this.fail('end of input');
  }
}

export function matchers(cursor: Cursor): Matcher[] {
  const result: Matcher[] = [];
  if (!cursor.peek('{')) return result;
  cursor.expect('{');
  while (!cursor.peek('}')) {
    const label = cursor.pattern(identifier, 'a label name');
    const op = (['=~', '!~', '!=', '='] as const).find((candidate) => cursor.peek(candidate));
    if (op === undefined) cursor.expect('=');
    else cursor.expect(op);
    cursor.skipSpace();
    const position = cursor.position;
    result.push({ label, op: op ?? '=', value: cursor.quoted(), position });
    if (!cursor.peek('}')) cursor.expect(',');
  }
  cursor.expect('}');
  return result;
}

/** Distinct values remembered per regex matcher: namespaces and containers repeat across thousands of series. */
const memoLimit = 4096;

function remembered(test: (value: string) => boolean): (value: string) => boolean {
  const memo = new Map<string, boolean>();
  return (value) => {
    let result = memo.get(value);
    if (result === undefined) {
      if (memo.size >= memoLimit) memo.clear();
      result = test(value);
      memo.set(value, result);
    }
    return result;
  };
}

/**
 * Prometheus' semantics: regexes are anchored (RE2 syntax, linear time: label-regex.ts), and a label
 * a series lacks has the value "". The matchers of one query share one NFA size budget, so that many
 * matchers cannot multiply the work per series.
 */
export function predicates(list: readonly Matcher[]): ((labels: Readonly<Record<string, string>>) => boolean)[] {
  let budget = maxStates;
  return list.map(({ label, op, value, position }) => {
    if (op === '=') return (labels) => (labels[label] ?? '') === value;
    if (op === '!=') return (labels) => (labels[label] ?? '') !== value;
    const compiled = compileLabelRegex(value, budget);
    if (!compiled.ok) throw new ParseError(`1:${position + 1}: parse error: ${compiled.error}`);
    budget -= compiled.value.states;
    const test = remembered(compiled.value.matches);
    return op === '=~' ? (labels) => test(labels[label] ?? '') : (labels) => !test(labels[label] ?? '');
  });
}

/** A selector, or the CPU counter inside rate(...[duration]). */
export function selector(cursor: Cursor, name: string): UsageQuery {
  const isRate = name === 'rate' && cursor.peek('(');
  if (!isRate && cursor.peek('(')) throw new ParseError(`unsupported function "${name}": the simulator answers rate(...), plain selectors and ${aggregationOps.join('/')} by (...) over them`);
  if (isRate) cursor.expect('(');
  const metric = isRate ? cursor.pattern(metricName, 'a metric name') : name;
  const list = matchers(cursor);
  // The synthetic usage is already a rate, so rate()'s range is checked but changes nothing.
  if (isRate) {
    cursor.expect('[');
    const range = cursor.pattern(/[0-9a-z]+/y, 'a duration');
    const rangeSeconds = parseDuration(range);
    if (rangeSeconds === undefined || rangeSeconds <= 0) throw new ParseError(`not a valid duration: "${range}"`);
    cursor.expect(']');
    cursor.expect(')');
  }
  const tests = predicates(list);
  if (metric === cpuMetric && !isRate) throw new ParseError(`${cpuMetric} is a counter: the simulator serves it only as rate(${cpuMetric}[duration])`);
  if (metric === memoryMetric && isRate) throw new ParseError(`rate() of the gauge ${memoryMetric} is not supported`);
  const kind = metric === cpuMetric ? 'cpu' : gauges[metric];
  if (kind === undefined || (isRate && kind !== 'cpu')) throw new ParseError(`unsupported metric "${metric}": the simulator serves ${[cpuMetric, ...Object.keys(gauges)].join(', ')}`);
  return { resource: kind, metric, selects: (labels) => tests.every((test) => test(labels)) };
}

function parse(text: string): UsageQuery {
  const cursor = new Cursor(text);
  const name = cursor.pattern(metricName, 'a metric name or rate(');
  const query = (aggregationOps as readonly string[]).includes(name) && cursor.peek('by') ? aggregation(cursor, name as AggregationOp) : selector(cursor, name);
  cursor.end();
  return query;
}

export function parseUsageQuery(text: string): Result<UsageQuery, string> {
  try {
    return ok(parse(text));
  } catch (error) {
    if (error instanceof ParseError) return err(error.message);
    throw error;
  }
}

