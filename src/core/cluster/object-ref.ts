// How an object is named to the user ("Deployment team-a/web", "Node node-0001"): messages, errors,
// titles and the Apply summary all say it the same way, as kubectl's `kind namespace/name` does.

/** An object's identity; namespace '' for cluster-scoped objects. */
export interface ObjectName {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export function formatObjectName(ref: ObjectName): string {
  return `${ref.kind} ${ref.namespace === '' ? '' : `${ref.namespace}/`}${ref.name}`;
}

/** The identity a manifest declares; missing fields are '' so the server names what is wrong. */
export function objectNameOf(manifest: Readonly<Record<string, unknown>>): ObjectName {
  const metadata = (manifest['metadata'] ?? {}) as { name?: unknown; namespace?: unknown };
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return { kind: text(manifest['kind']), namespace: text(metadata.namespace), name: text(metadata.name) };
}
