/**
 * `/openapi/v2` and `/openapi/v3` generated from the bundled schema the linter and the write path use
 * (schema-validation.ts), so `kubectl explain` and client-side apply see the same fields the server
 * validates. Each kind's definition carries `x-kubernetes-group-version-kind`; each served kind gets
 * the item path with a PATCH operation listing `fieldValidation`, which is how kubectl 1.32 decides
 * that the server validates fields itself (else it validates on the client). No descriptions: the
 * snapshot has none. Built-in kinds only; custom resources are not described.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SchemaSnapshot } from '../core/lint/schema/snapshot.ts';
import { sendJson } from './http-io.ts';
import { apiVersionOf, type Catalog, type ResourceType } from './resources.ts';
import { bundledSchema } from './schema-validation.ts';
import { pathNotFound } from './status.ts';

type Json = Record<string, unknown>;

/** A definition name as the API server spells them: `V1PodSpec` → `io.k8s.api.v1.PodSpec`, `CoreV1Event` → `io.k8s.api.core.v1.Event`. */
export function definitionName(model: string): string {
  const match = /^([A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)(?=[A-Z])(.*)$/.exec(model);
  if (match === null) return `io.k8s.api.${model}`;
  const [, group, version, rest] = match;
  return `io.k8s.api.${group === undefined ? '' : `${group.toLowerCase()}.`}${(version as string).toLowerCase()}.${rest as string}`;
}

const scalars: Readonly<Record<string, Json>> = {
  s: { type: 'string' },
  i: { type: 'integer', format: 'int64' },
  n: { type: 'number', format: 'double' },
  b: { type: 'boolean' },
  q: { type: 'string', format: 'quantity' },
  io: { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true },
  a: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
};

/** A compact type as a JSON schema; models become references (collected in `used`). */
function schemaOf(type: string, prefix: string, used: Set<string>): Json {
  const scalar = scalars[type];
  if (scalar !== undefined) return scalar;
  if (type.startsWith('[')) return { type: 'array', items: schemaOf(type.slice(1, -1), prefix, used) };
  if (type.startsWith('{')) return { type: 'object', additionalProperties: schemaOf(type.slice(1, -1), prefix, used) };
  used.add(type);
  return { $ref: `${prefix}${definitionName(type)}` };
}

/** The definitions reachable from some models, each with its fields and required list, kinds tagged with their GVK. */
function definitions(schema: SchemaSnapshot, roots: readonly string[], prefix: string): Json {
  const gvks = new Map<string, Json[]>();
  for (const [key, model] of Object.entries(schema.kinds)) {
    const [apiVersion = '', kind = ''] = key.split(' ');
    const slash = apiVersion.indexOf('/');
    const gvk = { group: slash < 0 ? '' : apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
    gvks.set(model, [...(gvks.get(model) ?? []), gvk]);
  }
  const result: Json = {};
  const used = new Set(roots);
  for (const model of used) {
    const type = schema.types[model];
    if (type === undefined) continue;
    const properties: Json = {};
    for (const [field, fieldType] of Object.entries(type.f)) properties[field] = schemaOf(fieldType, prefix, used);
    const gvk = gvks.get(model);
    result[definitionName(model)] = {
      type: 'object',
      properties,
      ...(type.r === undefined ? {} : { required: type.r }),
      ...(gvk === undefined ? {} : { 'x-kubernetes-group-version-kind': gvk }),
    };
  }
  return result;
}

function itemPath(type: ResourceType): string {
  const base = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  return `${base}${type.namespaced ? '/namespaces/{namespace}' : ''}/${type.plural}/{name}`;
}

const parameters = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({ name, in: 'query', schema: { type: name === 'force' ? 'boolean' : 'string' } }));

/** The paths of some served kinds: the item's PATCH, enough for kubectl's fieldValidation check. */
function paths(types: readonly ResourceType[], schema: SchemaSnapshot, prefix: string): Json {
  const result: Json = {};
  for (const type of types) {
    const model = schema.kinds[`${apiVersionOf(type)} ${type.kind}`];
    if (model === undefined) continue;
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    const ok = { description: 'OK', content: { 'application/json': { schema: { $ref: `${prefix}${definitionName(model)}` } } } };
    result[itemPath(type)] = { patch: { operationId: `patch${type.kind}`, parameters, responses: { '200': ok }, 'x-kubernetes-action': 'patch', 'x-kubernetes-group-version-kind': gvk } };
  }
  return result;
}

/** Served built-in types of the schema, by group-version path (`api/v1`, `apis/apps/v1`). */
function groupVersions(catalog: Catalog, schema: SchemaSnapshot): Map<string, ResourceType[]> {
  const result = new Map<string, ResourceType[]>();
  for (const type of catalog.all()) {
    if (type.virtual === true || schema.kinds[`${apiVersionOf(type)} ${type.kind}`] === undefined) continue;
    const key = type.group === '' ? `api/${type.version}` : `apis/${type.group}/${type.version}`;
    result.set(key, [...(result.get(key) ?? []), type]);
  }
  return result;
}

const info = { title: 'Kubernetes', version: 'v1.32.0' };

/** The whole v2 document: every model of the schema, paths for every served kind. */
function openApiV2(catalog: Catalog, schema: SchemaSnapshot): Json {
  return { swagger: '2.0', info, paths: paths(catalog.all(), schema, '#/definitions/'), definitions: definitions(schema, Object.keys(schema.types), '#/definitions/') };
}

/** One v3 document: the group-version's kinds and the models they reach. */
function openApiV3(types: readonly ResourceType[], schema: SchemaSnapshot): Json {
  const prefix = '#/components/schemas/';
  const roots = types.map((type) => schema.kinds[`${apiVersionOf(type)} ${type.kind}`] as string);
  return { openapi: '3.0.0', info, paths: paths(types, schema, prefix), components: { schemas: definitions(schema, roots, prefix) } };
}

/** kubectl asks for protobuf first; JSON when the client accepts it (or says nothing), else the empty answer kubectl skips. */
function acceptsJson(request: IncomingMessage): boolean {
  const accept = request.headers.accept ?? '';
  return accept === '' || /application\/json|\*\/\*/.test(accept);
}

const caches = new WeakMap<Catalog, Map<string, { text: string; hash: string }>>();

/** A document's text and hash, built once per catalogue (the built-in kinds do not change at run time). */
function document(catalog: Catalog, key: string, build: () => Json): { text: string; hash: string } {
  let texts = caches.get(catalog);
  if (texts === undefined) caches.set(catalog, (texts = new Map()));
  let entry = texts.get(key);
  if (entry === undefined) {
    const text = JSON.stringify(build());
    entry = { text, hash: createHash('sha512').update(text).digest('hex').slice(0, 64).toUpperCase() };
    texts.set(key, entry);
  }
  return entry;
}

function send(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** Serves `/openapi/v2`, `/openapi/v3` and `/openapi/v3/<group-version>`; false for other paths. */
export function serveOpenApi(request: IncomingMessage, response: ServerResponse, catalog: Catalog, path: string): boolean {
  if (path === '/openapi/v2') {
    if (acceptsJson(request)) send(response, document(catalog, 'v2', () => openApiV2(catalog, bundledSchema)).text);
    else {
      // An empty 200 makes kubectl skip client-side validation (RUNTIME.md); the protobuf content type breaks kubectl's MIME parser.
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 0 });
      response.end();
    }
    return true;
  }
  if (!path.startsWith('/openapi/v3')) return false;
  const versions = groupVersions(catalog, bundledSchema);
  const build = (key: string, types: readonly ResourceType[]) => document(catalog, key, () => openApiV3(types, bundledSchema));
  if (path === '/openapi/v3' || path === '/openapi/v3/') {
    const index: Json = {};
    for (const [key, types] of versions) index[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${build(key, types).hash}` };
    sendJson(response, 200, { paths: index });
    return true;
  }
  const key = path.slice('/openapi/v3/'.length);
  const types = versions.get(key);
  if (types === undefined) throw pathNotFound();
  send(response, build(key, types).text);
  return true;
}
