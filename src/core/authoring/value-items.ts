import type { FieldShape, ValueShape } from './schema-shape.ts';

/** A value completion before it gets its range: what to insert, and what it says about itself. */
export interface ValueItem {
  readonly label: string;
  readonly detail: string;
  readonly documentation?: string;
  readonly kind: 'value' | 'enum' | 'reference';
}

// Typical sizes to start from: the unit is the hint (CPU in cores or millicores, memory in bytes with
// binary suffixes), the numbers are only common first guesses.
const quantityExamples: Readonly<Record<string, readonly string[]>> = {
  cpu: ['100m', '250m', '500m', '1'],
  memory: ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi'],
  'ephemeral-storage': ['1Gi', '5Gi', '10Gi'],
  storage: ['1Gi', '10Gi', '100Gi'],
};
const quantityHints: Readonly<Record<string, string>> = {
  cpu: 'CPU: 1 = one core, 100m = a tenth of one',
  memory: 'memory in bytes: Mi = 2^20, Gi = 2^30 (M and G are powers of ten)',
  'ephemeral-storage': 'local disk in bytes: Mi = 2^20, Gi = 2^30',
  storage: 'storage in bytes: Mi = 2^20, Gi = 2^30',
};

/** The resource names a quantity map (requests, limits, hard) is keyed by. */
export function quantityKeys(shape: ValueShape | undefined): string[] {
  return shape?.kind === 'map' && shape.value.kind === 'scalar' && shape.value.type === 'q' ? Object.keys(quantityExamples) : [];
}

export function quantityItems(resource: string): ValueItem[] {
  const hint = quantityHints[resource] ?? 'a quantity: 100m, 1, 128Mi, 1Gi';
  return (quantityExamples[resource] ?? ['100m', '1', '128Mi', '1Gi']).map((label) => ({ label, detail: hint, kind: 'value' }));
}

/** Values the field's own schema offers: its allowed values, booleans, or quantities. */
export function schemaValueItems(field: FieldShape | undefined, value: ValueShape | undefined, key: string): ValueItem[] {
  if (field?.enum !== undefined && (value?.kind !== 'scalar' || value.type === 's')) {
    return field.enum.map((label) => ({ label, detail: label === field.default ? `${field.name} (default)` : field.name, kind: 'enum' }));
  }
  if (value?.kind !== 'scalar') return [];
  if (value.type === 'b') return ['true', 'false'].map((label) => ({ label, detail: 'boolean', kind: 'value' }));
  if (value.type === 'q') return quantityItems(key);
  return [];
}

/**
 * apiVersion values that serve the document's kind in this version, or kind values that its apiVersion
 * serves; all of them while the other is not written yet. `served` holds `apiVersion Kind` keys.
 */
export function servedItems(served: Iterable<string>, want: 'apiVersion' | 'kind', other: string | undefined): ValueItem[] {
  const found = new Map<string, string[]>();
  for (const key of served) {
    const [apiVersion = '', kind = ''] = key.split(' ');
    const [label, partner] = want === 'apiVersion' ? [apiVersion, kind] : [kind, apiVersion];
    if (other !== undefined && other !== '' && partner !== other) continue;
    found.set(label, [...(found.get(label) ?? []), partner]);
  }
  return [...found].map(([label, partners]) => ({ label, detail: partners.length > 3 ? `${partners.slice(0, 3).join(', ')}, … (${partners.length})` : partners.join(', '), kind: 'value' }));
}
