import { asList, asMapping, asText, valueAt, type Mapping } from '../lint/values.ts';
import type { PathSegment } from '../yaml/positions.ts';
import type { VersionSchema } from './schema-data.ts';

/**
 * The schema at a place in a manifest, the same for built-in kinds (the bundled models of one version)
 * and custom resources (their CRD's openAPIV3Schema, read where it stands rather than converted).
 */
export type ValueShape =
  | { readonly kind: 'scalar'; readonly type: string }
  | { readonly kind: 'object'; readonly object: ObjectShape }
  | { readonly kind: 'list'; readonly item: ValueShape }
  | { readonly kind: 'map'; readonly value: ValueShape };

export interface FieldShape {
  readonly name: string;
  readonly value: ValueShape;
  /** As the API reference writes it: `string`, `[]Container`, `map[string]quantity`. */
  readonly typeText: string;
  readonly required: boolean;
  readonly description: string | undefined;
  readonly enum: readonly string[] | undefined;
  readonly default: string | undefined;
  /** The built-in model that holds the field (for the versions that have it); undefined for a CRD's. */
  readonly model: string | undefined;
}

export interface ObjectShape {
  readonly name: string;
  readonly description: string | undefined;
  fields(): ReadonlyMap<string, FieldShape>;
}

const scalarNames: Readonly<Record<string, string>> = { s: 'string', i: 'integer', n: 'number', b: 'boolean', a: 'object', q: 'quantity', io: 'int-or-string' };

function typeText(shape: ValueShape): string {
  if (shape.kind === 'scalar') return scalarNames[shape.type] ?? shape.type;
  if (shape.kind === 'list') return `[]${typeText(shape.item)}`;
  if (shape.kind === 'map') return `map[string]${typeText(shape.value)}`;
  return shape.object.name.replace(/^(?:[A-Z][a-z]+)*?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '');
}

function lazyFields(build: () => Map<string, FieldShape>): () => ReadonlyMap<string, FieldShape> {
  let fields: ReadonlyMap<string, FieldShape> | undefined;
  return () => (fields ??= build());
}

/** A built-in model of one version as a shape. */
export function modelShape(schema: VersionSchema, name: string): ObjectShape | undefined {
  const model = schema.model(name);
  if (model === undefined) return undefined;
  const fields = lazyFields(() => {
    const result = new Map<string, FieldShape>();
    for (const [field, entry] of model.fields) {
      const value = compactShape(schema, entry.type);
      result.set(field, { name: field, value, typeText: typeText(value), required: entry.required, description: entry.description, enum: entry.enum, default: entry.default, model: name });
    }
    return result;
  });
  return { name, description: model.description, fields };
}

function compactShape(schema: VersionSchema, type: string): ValueShape {
  if (type.startsWith('[')) return { kind: 'list', item: compactShape(schema, type.slice(1, -1)) };
  if (type.startsWith('{')) return { kind: 'map', value: compactShape(schema, type.slice(1, -1)) };
  const object = Object.hasOwn(scalarNames, type) ? undefined : modelShape(schema, type);
  return object === undefined ? { kind: 'scalar', type: Object.hasOwn(scalarNames, type) ? type : 'a' } : { kind: 'object', object };
}

const jsonScalars: Readonly<Record<string, string>> = { string: 's', integer: 'i', number: 'n', boolean: 'b' };

/** A node of a CRD's openAPIV3Schema as a shape. */
function crdShape(node: Mapping, name: string, root: ObjectShape | undefined): ValueShape {
  if (node['x-kubernetes-int-or-string'] === true) return { kind: 'scalar', type: 'io' };
  const type = asText(node.type);
  if (type !== undefined && Object.hasOwn(jsonScalars, type)) return { kind: 'scalar', type: jsonScalars[type] as string };
  if (type === 'array') {
    const items = asMapping(node.items);
    return { kind: 'list', item: items === undefined ? { kind: 'scalar', type: 'a' } : crdShape(items, name, undefined) };
  }
  const properties = asMapping(node.properties);
  const additional = asMapping(node.additionalProperties);
  if (properties === undefined) return additional === undefined ? { kind: 'scalar', type: 'a' } : { kind: 'map', value: crdShape(additional, name, undefined) };
  const required = new Set(asList(node.required).filter((entry): entry is string => typeof entry === 'string'));
  const fields = lazyFields(() => {
    // The API server adds these to every custom resource; its schema need not list them.
    const result = new Map(root === undefined ? [] : [...root.fields()].filter(([field]) => ['apiVersion', 'kind', 'metadata'].includes(field)));
    for (const [field, child] of Object.entries(properties)) {
      const childNode = asMapping(child) ?? {};
      const value = crdShape(childNode, name, undefined);
      const values = asList(childNode.enum).map(String);
      const fallback = childNode.default;
      result.set(field, {
        name: field,
        value,
        typeText: typeText(value),
        required: required.has(field),
        description: asText(childNode.description),
        enum: values.length > 0 ? values : undefined,
        default: fallback === undefined ? undefined : typeof fallback === 'string' ? fallback : JSON.stringify(fallback),
        model: undefined,
      });
    }
    return result;
  });
  return { kind: 'object', object: { name, description: asText(node.description), fields } };
}

/** The schema of a document's root: its built-in kind in this version, else a CRD's that serves it. */
export function rootShape(schema: VersionSchema, apiVersion: string | undefined, kind: string | undefined, crds: readonly unknown[]): ObjectShape | undefined {
  const model = schema.kinds.get(`${apiVersion ?? ''} ${kind ?? ''}`);
  if (model !== undefined) return modelShape(schema, model);
  for (const crd of crds) {
    if (asText(valueAt(crd, 'spec', 'names', 'kind')) !== kind) continue;
    const group = asText(valueAt(crd, 'spec', 'group'));
    for (const version of asList(valueAt(crd, 'spec', 'versions'))) {
      const root = asMapping(valueAt(version, 'schema', 'openAPIV3Schema'));
      if (root === undefined || `${group ?? ''}/${asText(valueAt(version, 'name')) ?? ''}` !== apiVersion) continue;
      const shape = crdShape(root, kind ?? '', modelShape(schema, 'V1ConfigMap'));
      return shape.kind === 'object' ? shape.object : undefined;
    }
  }
  return undefined;
}

/** The shape at a path below a root, or undefined where the schema says nothing. */
export function shapeAt(root: ObjectShape, path: readonly PathSegment[]): ValueShape | undefined {
  let shape: ValueShape | undefined = { kind: 'object', object: root };
  for (const step of path) {
    if (shape === undefined) return undefined;
    if (shape.kind === 'list') shape = step === 0 ? shape.item : undefined;
    else if (shape.kind === 'map') shape = typeof step === 'string' ? shape.value : undefined;
    else if (shape.kind === 'object') shape = typeof step === 'string' ? shape.object.fields().get(step)?.value : undefined;
    else return undefined;
  }
  return shape;
}

/** The field `key` of the mapping at `path`, when that mapping is an object the schema describes. */
export function fieldAt(root: ObjectShape, path: readonly PathSegment[], key: PathSegment | undefined): FieldShape | undefined {
  const container = shapeAt(root, path);
  return container?.kind === 'object' && typeof key === 'string' ? container.object.fields().get(key) : undefined;
}
