import type { SetObject } from '../types.ts';
import { asList, asMapping, asText, type Mapping, valueAt } from '../values.ts';
import type { SchemaSnapshot, SchemaType } from './snapshot.ts';

/**
 * Custom resources validated offline: each CustomResourceDefinition of the file set turns its versions'
 * `openAPIV3Schema` into types of the snapshot's compact form, named `group/version/Kind.path`, so the
 * same checker and the same three schema rules cover them. The API server adds apiVersion, kind and
 * metadata to every custom resource, so the root type gets them too.
 */
export function withCrdSchemas(schema: SchemaSnapshot, objects: readonly SetObject[]): SchemaSnapshot {
  // Only versions that some object uses are converted: CRD schemas are large and mostly linted alone.
  const used = new Set(objects.map((object) => `${object.apiVersion ?? ''} ${object.kind ?? ''}`));
  // Layered over the snapshot through the prototype chain: no copy of its hundreds of types per run.
  const kinds: Record<string, string> = Object.create(schema.kinds) as Record<string, string>;
  const types: Record<string, SchemaType> = Object.create(schema.types) as Record<string, SchemaType>;
  let added = false;
  for (const crd of objects) {
    if (crd.kind !== 'CustomResourceDefinition') continue;
    const group = asText(valueAt(crd.value, 'spec', 'group'));
    const kind = asText(valueAt(crd.value, 'spec', 'names', 'kind'));
    if (group === undefined || kind === undefined) continue;
    for (const version of asList(valueAt(crd.value, 'spec', 'versions'))) {
      const name = asText(valueAt(version, 'name'));
      const root = asMapping(valueAt(version, 'schema', 'openAPIV3Schema'));
      if (name === undefined || root === undefined || !used.has(`${group}/${name} ${kind}`)) continue;
      const rootType = convert(root, `${group}/${name}/${kind}`, types);
      const model = types[rootType];
      if (model === undefined) continue;
      types[rootType] = { ...model, f: { ...model.f, apiVersion: 's', kind: 's', metadata: 'V1ObjectMeta' } };
      kinds[`${group}/${name} ${kind}`] = rootType;
      added = true;
    }
  }
  return added ? { ...schema, kinds, types } : schema;
}

const scalarTypes: Readonly<Record<string, string>> = { string: 's', integer: 'i', number: 'n', boolean: 'b' };

/** A JSON schema node as a compact type; object schemas with properties become named types. */
function convert(node: Mapping, name: string, types: Record<string, SchemaType>): string {
  if (node['x-kubernetes-int-or-string'] === true) return 'io';
  if (node['x-kubernetes-preserve-unknown-fields'] === true && node.properties === undefined) return 'a';
  const type = asText(node.type);
  if (type !== undefined && Object.hasOwn(scalarTypes, type)) return scalarTypes[type] as string;
  if (type === 'array') {
    const items = asMapping(node.items);
    return `[${items === undefined ? 'a' : convert(items, `${name}[]`, types)}]`;
  }
  const properties = asMapping(node.properties);
  const additional = node.additionalProperties;
  if (properties === undefined) {
    const values = asMapping(additional);
    return values === undefined ? 'a' : `{${convert(values, `${name}{}`, types)}}`;
  }
  // Unknown fields are allowed where the schema says so; the checker then has nothing to hold them to.
  if (node['x-kubernetes-preserve-unknown-fields'] === true || additional === true || asMapping(additional) !== undefined) return 'a';
  // No prototype: property names come from the manifest (`__proto__`, `constructor` are fine).
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [field, child] of Object.entries(properties)) {
    const childSchema = asMapping(child);
    fields[field] = childSchema === undefined ? 'a' : convert(childSchema, `${name}.${field}`, types);
  }
  const required = asList(node.required).filter((entry): entry is string => typeof entry === 'string');
  types[name] = required.length > 0 ? { f: fields, r: required } : { f: fields };
  return name;
}
