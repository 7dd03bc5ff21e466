import type { KubeObject } from '../types.ts';
import { asMapping } from '../values.ts';
import type { SchemaSnapshot } from './snapshot.ts';

/** Where a value sits: its holder and key (a mapping key or a sequence index). */
interface Slot {
  readonly holder: unknown;
  readonly key: string | number;
}

export type SchemaIssue =
  | { readonly kind: 'unknown'; readonly object: KubeObject; readonly holder: object; readonly key: string; readonly known: readonly string[]; readonly type: string }
  | { readonly kind: 'type'; readonly object: KubeObject; readonly slot: Slot; readonly expected: string; readonly value: unknown }
  | { readonly kind: 'required'; readonly object: KubeObject; readonly slot: Slot | undefined; readonly holder: object; readonly field: string; readonly type: string };

// The API server requires an image for every container of a pod (ValidatePodSpec), though OpenAPI does not.
const extraRequired: Readonly<Record<string, readonly string[]>> = { V1Container: ['image'], V1EphemeralContainer: ['image'] };

const names: Readonly<Record<string, string>> = { s: 'a string', i: 'an integer', n: 'a number', b: 'a boolean', q: 'a quantity', io: 'an integer or a string' };

/** Words for a compact type, for messages: "a list", "a map", "an object (V1Container)". */
export function typeName(type: string): string {
  if (type.startsWith('[')) return 'a list';
  if (type.startsWith('{')) return 'a map';
  return names[type] ?? 'an object';
}

function fits(type: string, value: unknown): boolean {
  switch (type) {
    case 's':
      return typeof value === 'string';
    case 'i':
      return Number.isInteger(value);
    case 'n':
      return typeof value === 'number';
    case 'b':
      return typeof value === 'boolean';
    case 'q':
      return typeof value === 'string' || typeof value === 'number';
    case 'io':
      return typeof value === 'string' || Number.isInteger(value);
    default:
      return type.startsWith('[') ? Array.isArray(value) : asMapping(value) !== undefined;
  }
}

/** Every schema problem of the objects whose kind the snapshot knows: unknown fields, wrong types, missing fields. */
export function schemaIssues(objects: readonly KubeObject[], schema: SchemaSnapshot): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const visit = (object: KubeObject, value: unknown, type: string, slot: Slot | undefined): void => {
    if (value === null || value === undefined || type === 'a') return;
    if (!fits(type, value)) {
      if (slot !== undefined) issues.push({ kind: 'type', object, slot, expected: type, value });
      return;
    }
    if (type.startsWith('[')) {
      (value as unknown[]).forEach((item, index) => visit(object, item, type.slice(1, -1), { holder: value, key: index }));
      return;
    }
    const mapping = value as Record<string, unknown>;
    if (type.startsWith('{')) {
      for (const [key, item] of Object.entries(mapping)) visit(object, item, type.slice(1, -1), { holder: mapping, key });
      return;
    }
    const model = schema.types[type];
    if (model === undefined) return;
    for (const [key, item] of Object.entries(mapping)) {
      const fieldType = model.f[key];
      // `$patch` and friends are strategic-merge-patch directives (kustomize patches), not fields.
      if (fieldType === undefined && !key.startsWith('$')) issues.push({ kind: 'unknown', object, holder: mapping, key, known: Object.keys(model.f), type });
      else if (fieldType !== undefined) visit(object, item, fieldType, { holder: mapping, key });
    }
    for (const field of [...(model.r ?? []), ...(extraRequired[type] ?? [])]) {
      if (mapping[field] === undefined || mapping[field] === null) issues.push({ kind: 'required', object, slot, holder: mapping, field, type });
    }
  };
  for (const object of objects) {
    const model = object.apiVersion === undefined || object.kind === undefined ? undefined : schema.kinds[`${object.apiVersion} ${object.kind}`];
    if (model !== undefined) visit(object, object.value, model, undefined);
  }
  return issues;
}
