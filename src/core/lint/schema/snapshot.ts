/**
 * An offline Kubernetes schema: built-in kinds → model, and per model its fields (in a compact type
 * notation, see test/tools/generate-schema-snapshot.ts) and required fields. The bundled one comes from
 * @kubernetes/client-node's OpenAPI-generated models; a connected cluster's /openapi/v2 can be turned
 * into the same shape later.
 */
export interface SchemaSnapshot {
  readonly kubernetesVersion: string;
  readonly source: string;
  /** `apiVersion kind` → model name. */
  readonly kinds: Readonly<Record<string, string>>;
  readonly types: Readonly<Record<string, SchemaType>>;
}

export interface SchemaType {
  /** Field → compact type: s, i, n, b, a, q (quantity), io (int-or-string), [T], {T} or a model name. */
  readonly f: Readonly<Record<string, string>>;
  readonly r?: readonly string[];
}

/** The bundled snapshot (66 KB of JSON, 12 KB gzipped), loaded on first use rather than at activation. */
export async function loadBundledSchema(): Promise<SchemaSnapshot> {
  const module = (await import('./kubernetes-schema.json', { with: { type: 'json' } })) as { default: SchemaSnapshot };
  return module.default;
}
