/**
 * A custom resource's schema: its CRD version's openAPIV3Schema turned into the linter's snapshot
 * form by src/core's withCrdSchemas, so custom resources are checked by the same code as built-in
 * kinds (types, required fields, unknown fields pruned unless x-kubernetes-preserve-unknown-fields).
 * The snapshot form has no enums: those are read from the openAPIV3Schema itself.
 */
import { withCrdSchemas } from '../core/lint/schema/crd-schema.ts';
import type { SchemaSnapshot } from '../core/lint/schema/snapshot.ts';
import type { KubeObject as LintObject } from '../core/lint/types.ts';
import type { KubeObject } from './objects.ts';
import { isObject } from './objects.ts';
import type { StatusCause } from './status.ts';

export interface CustomSchema {
  readonly snapshot: SchemaSnapshot;
  readonly openApi: Readonly<Record<string, unknown>>;
}

/** The schema of one served version of a CRD; undefined when the version has none (nothing to check). */
export function customSchema(crd: KubeObject, base: SchemaSnapshot, apiVersion: string, kind: string, version: Record<string, unknown>): CustomSchema | undefined {
  const openApi = isObject(version['schema']) ? version['schema']['openAPIV3Schema'] : undefined;
  if (!isObject(openApi)) return undefined;
  // withCrdSchemas reads only kind, apiVersion and value of the linter's objects: a file's parts are not needed.
  const asLinted = (value: Record<string, unknown>): LintObject => ({ value, apiVersion: value['apiVersion'], kind: value['kind'] }) as unknown as LintObject;
  const snapshot = withCrdSchemas(base, [asLinted(crd), asLinted({ apiVersion, kind })]);
  return snapshot === base ? undefined : { snapshot, openApi };
}

function child(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/** Each value outside its schema's `enum`, as the server's OpenAPI validation words it. */
export function enumCauses(schema: unknown, value: unknown, path = ''): StatusCause[] {
  if (!isObject(schema) || value === undefined) return [];
  const allowed = schema['enum'];
  if (Array.isArray(allowed) && !allowed.some((each) => JSON.stringify(each) === JSON.stringify(value))) {
    const message = `Unsupported value: ${JSON.stringify(value)}: supported values: ${allowed.map((each) => JSON.stringify(each)).join(', ')}`;
    return [{ reason: 'FieldValueNotSupported', field: path, message }];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => enumCauses(schema['items'], item, child(path, index)));
  if (!isObject(value)) return [];
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  return Object.entries(value).flatMap(([key, item]) => enumCauses(Object.hasOwn(properties, key) ? properties[key] : schema['additionalProperties'], item, child(path, key)));
}
