import type { KubeObject } from '../types.ts';
import { asMapping } from '../values.ts';
import type { SchemaSnapshot, SchemaType } from './snapshot.ts';

/** Where a value sits: its holder and key (a mapping key or a sequence index). */
interface Slot {
  readonly holder: unknown;
  readonly key: string | number;
}

export type SchemaIssue =
  | { readonly kind: 'unknown'; readonly object: KubeObject; readonly holder: object; readonly key: string; readonly fields: Readonly<Record<string, string>>; readonly type: string }
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

/** Whether a value has the shape of a compact type (only the top level: nested values are visited apart). */
export function fits(type: string, value: unknown): boolean {
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

/** A compact type, read once: list/map element types and required fields are not re-derived per value. */
interface Compiled {
  readonly type: string;
  readonly shape: 'list' | 'map' | 'model' | 'scalar';
  readonly inner: string;
  readonly required: readonly string[];
}

/**
 * Compiled types per snapshot's type table, kept across lint runs: the CLI and the editor lint one
 * file set after another against the same snapshot, and compiling is a third of a small file's check.
 */
const compiledBySchema = new WeakMap<SchemaSnapshot['types'], Map<string, Compiled>>();

/** Every schema problem of the objects whose kind the snapshot knows: unknown fields, wrong types, missing fields. */
export function schemaIssues(objects: readonly KubeObject[], schema: SchemaSnapshot): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const compiled = compiledBySchema.get(schema.types) ?? new Map<string, Compiled>();
  compiledBySchema.set(schema.types, compiled);
  const compile = (type: string): Compiled => {
    let entry = compiled.get(type);
    if (entry === undefined) {
      const shape = type.startsWith('[') ? 'list' : type.startsWith('{') ? 'map' : schema.types[type] !== undefined ? 'model' : 'scalar';
      const required = [...(schema.types[type]?.r ?? []), ...(extraRequired[type] ?? [])];
      entry = { type, shape, inner: shape === 'list' || shape === 'map' ? type.slice(1, -1) : type, required };
      compiled.set(type, entry);
    }
    return entry;
  };
  // Holder and key travel as two arguments rather than a slot object: this runs for every value of every object.
  const visit = (object: KubeObject, value: unknown, type: Compiled, holder: unknown, key: string | number | undefined): void => {
    if (value === null || value === undefined || type.type === 'a') return;
    if (!fits(type.type, value)) {
      if (key !== undefined) issues.push({ kind: 'type', object, slot: { holder, key }, expected: type.type, value });
      return;
    }
    if (type.shape === 'scalar') return;
    if (type.shape === 'list') {
      const inner = compile(type.inner);
      const list = value as unknown[];
      for (let index = 0; index < list.length; index += 1) visit(object, list[index], inner, list, index);
      return;
    }
    const mapping = value as Record<string, unknown>;
    if (type.shape === 'map') {
      const inner = compile(type.inner);
      for (const field in mapping) visit(object, mapping[field], inner, mapping, field);
      return;
    }
    const fields = (schema.types[type.type] as SchemaType).f;
    for (const field in mapping) {
      // Own keys only: a manifest key such as `constructor` is not a field of every type.
      const fieldType = Object.hasOwn(fields, field) ? fields[field] : undefined;
      if (fieldType !== undefined) visit(object, mapping[field], compile(fieldType), mapping, field);
      // `$patch` and friends are strategic-merge-patch directives (kustomize patches), not fields.
      else if (!field.startsWith('$')) issues.push({ kind: 'unknown', object, holder: mapping, key: field, fields, type: type.type });
    }
    for (const field of type.required) {
      if (mapping[field] === undefined || mapping[field] === null) {
        issues.push({ kind: 'required', object, slot: key === undefined ? undefined : { holder, key }, holder: mapping, field, type: type.type });
      }
    }
  };
  for (const object of objects) {
    const model = object.apiVersion === undefined || object.kind === undefined ? undefined : schema.kinds[`${object.apiVersion} ${object.kind}`];
    if (model !== undefined) visit(object, object.value, compile(model), undefined, undefined);
  }
  return issues;
}
