// What "Describe" shows of a live object: all of it but the field-manager bookkeeping, and never a
// Secret's values (their sizes instead), so a screen share or a screenshot cannot leak them.

const REDACTED_FIELDS = ['data', 'stringData'];

function redactSecret(object: Record<string, unknown>): Record<string, unknown> {
  const redacted: Record<string, unknown> = { ...object };
  for (const field of REDACTED_FIELDS) {
    const values = object[field];
    if (typeof values !== 'object' || values === null) continue;
    redacted[field] = Object.fromEntries(
      Object.entries(values as Record<string, unknown>).map(([key, value]) => [key, `<redacted: ${typeof value === 'string' ? value.length : 0} characters>`]),
    );
  }
  return redacted;
}

export function describeObject(object: unknown): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return object;
  const source = object as Record<string, unknown>;
  const metadata = source['metadata'];
  const trimmed: Record<string, unknown> = { ...source };
  if (typeof metadata === 'object' && metadata !== null) {
    const { managedFields: _managed, ...rest } = metadata as Record<string, unknown>;
    trimmed['metadata'] = rest;
  }
  return source['kind'] === 'Secret' ? redactSecret(trimmed) : trimmed;
}
