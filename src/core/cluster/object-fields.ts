// Safe readers over untyped JSON from the API server: the models below trim raw objects with them,
// so a missing or oddly typed field yields a default instead of a crash.

export type Json = Readonly<Record<string, unknown>>;

export function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

export function array(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function integer(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A map of strings (labels, nodeSelector), other values dropped. */
export function stringMap(value: unknown): Readonly<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record(value))) if (typeof entry === 'string') result[key] = entry;
  return result;
}

/** Milliseconds since the epoch of an RFC 3339 timestamp; undefined when absent or unparseable. */
export function timestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export interface ObjectMeta {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly resourceVersion: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly createdMs: number | undefined;
  readonly deleting: boolean;
  /** The controller owner (ownerReferences with controller: true), else the first owner. */
  readonly owner: { readonly kind: string; readonly name: string } | undefined;
}

export function objectMeta(object: unknown): ObjectMeta {
  const metadata = record(record(object)['metadata']);
  const owners = array(metadata['ownerReferences']).map(record);
  const owner = owners.find((reference) => reference['controller'] === true) ?? owners[0];
  return {
    namespace: text(metadata['namespace']),
    name: text(metadata['name']),
    uid: text(metadata['uid']),
    resourceVersion: text(metadata['resourceVersion']),
    labels: stringMap(metadata['labels']),
    createdMs: timestamp(metadata['creationTimestamp']),
    deleting: typeof metadata['deletionTimestamp'] === 'string',
    owner: owner === undefined ? undefined : { kind: text(owner['kind']), name: text(owner['name']) },
  };
}
