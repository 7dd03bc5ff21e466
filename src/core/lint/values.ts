/** Narrowing helpers for the untyped values a manifest holds. */
export type Mapping = Readonly<Record<string, unknown>>;

export function asMapping(value: unknown): Mapping | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Mapping) : undefined;
}

export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value at a key path of nested mappings, or undefined where the path breaks. */
export function valueAt(value: unknown, ...path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    const mapping = asMapping(current);
    if (mapping === undefined || !Object.hasOwn(mapping, key)) return undefined;
    current = mapping[key];
  }
  return current;
}

export function mappingAt(value: unknown, ...path: readonly string[]): Mapping | undefined {
  return asMapping(valueAt(value, ...path));
}

/** A string map such as labels or a matchLabels selector; non-string values are dropped. */
export function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asMapping(value) ?? {})) {
    if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') result[key] = String(entry);
  }
  return result;
}
