/**
 * `/openapi/v2` and `/openapi/v3` generated from the bundled schema the linter and the write path use
 * (schema-validation.ts), so `kubectl explain` and client-side apply see the same fields the server
 * validates. Each kind's definition carries `x-kubernetes-group-version-kind`; each served kind gets
 * the item path with a PATCH operation listing `fieldValidation`, which is how kubectl 1.32 decides
 * that the server validates fields itself (else it validates on the client). Descriptions come from the
 * versioned schema of the snapshot's Kubernetes version (openapi-descriptions.ts), for `kubectl
 * explain`; the lists the sim's strategic merge patch merges by key (patch.ts) say so with
 * x-kubernetes-patch-merge-key, so client-side `kubectl apply` computes the same patches a real server's
 * schema gives it. Built-in kinds only; custom resources are not described.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SchemaSnapshot } from '../core/lint/schema/snapshot.ts';
import { patchTypes } from './api-writes.ts';
import { sendJson } from './http-io.ts';
import { type Describe, modelDescriptions } from './openapi-descriptions.ts';
import { mergeKeyOf } from './patch.ts';
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

type Style = 'v2' | 'v3';

/**
 * A field's schema with its description and, for a list the strategic merge patch merges by key, that
 * key. v3 wraps a described reference in allOf, as the API server does (a $ref's siblings are ignored there).
 */
function property(schema: SchemaSnapshot, field: string, type: string, description: string | undefined, reference: Json, style: Style): Json {
  const result: Json = description === undefined ? reference : style === 'v3' && reference['$ref'] !== undefined ? { allOf: [reference], description } : { ...reference, description };
  const items = type.startsWith('[') ? schema.types[type.slice(1, -1)]?.f : undefined;
  const key = items === undefined ? undefined : mergeKeyOf(field, [items]);
  if (items === undefined || key === undefined || !Object.hasOwn(items, key)) return result;
  return { ...result, 'x-kubernetes-patch-merge-key': key, 'x-kubernetes-patch-strategy': 'merge' };
}

/** The definitions reachable from some models, each with its fields and required list, kinds tagged with their GVK. */
function definitions(schema: SchemaSnapshot, roots: readonly string[], prefix: string, describe: Describe, style: Style): Json {
  const gvks = new Map<string, Json[]>();
  for (const [key, model] of Object.entries(schema.kinds)) {
    const [apiVersion = '', kind = ''] = key.split(' ');
    const slash = apiVersion.indexOf('/');
    const gvk = { group: slash < 0 ? '' : apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
    gvks.set(model, [...(gvks.get(model) ?? []), gvk]);
  }
  const result: Json = { [patchModel]: { description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.', type: 'object' } };
  const used = new Set(roots);
  for (const model of used) {
    const type = schema.types[model];
    if (type === undefined) continue;
    const described = describe(model);
    const properties: Json = {};
    for (const [field, fieldType] of Object.entries(type.f)) {
      properties[field] = property(schema, field, fieldType, described?.fields.get(field)?.description, schemaOf(fieldType, prefix, used), style);
    }
    const gvk = gvks.get(model);
    result[definitionName(model)] = {
      ...(described?.description === undefined ? {} : { description: described.description }),
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

const patchModel = 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch';

/**
 * The paths of some served kinds: the item's PATCH with its parameters (kubectl's fieldValidation check)
 * and body types (a strategic merge one makes client-side apply compute its patch from this schema).
 */
function paths(types: readonly ResourceType[], schema: SchemaSnapshot, prefix: string): Json {
  const requestBody = { content: Object.fromEntries(patchTypes.map((type) => [type, { schema: { $ref: `${prefix}${patchModel}` } }])), required: true };
  const result: Json = {};
  for (const type of types) {
    const model = schema.kinds[`${apiVersionOf(type)} ${type.kind}`];
    if (model === undefined) continue;
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    const ok = { description: 'OK', content: { 'application/json': { schema: { $ref: `${prefix}${definitionName(model)}` } } } };
    result[itemPath(type)] = { patch: { operationId: `patch${type.kind}`, parameters, requestBody, responses: { '200': ok }, 'x-kubernetes-action': 'patch', 'x-kubernetes-group-version-kind': gvk } };
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
async function openApiV2(catalog: Catalog, schema: SchemaSnapshot): Promise<Json> {
  const describe = await modelDescriptions(schema.kubernetesVersion);
  return { swagger: '2.0', info, paths: paths(catalog.all(), schema, '#/definitions/'), definitions: definitions(schema, Object.keys(schema.types), '#/definitions/', describe, 'v2') };
}

/** One v3 document: the group-version's kinds and the models they reach. */
async function openApiV3(types: readonly ResourceType[], schema: SchemaSnapshot): Promise<Json> {
  const prefix = '#/components/schemas/';
  const roots = types.map((type) => schema.kinds[`${apiVersionOf(type)} ${type.kind}`] as string);
  const describe = await modelDescriptions(schema.kubernetesVersion);
  return { openapi: '3.0.0', info, paths: paths(types, schema, prefix), components: { schemas: definitions(schema, roots, prefix, describe, 'v3') } };
}

/** kubectl asks for protobuf first; JSON when the client accepts it (or says nothing), else the empty answer kubectl skips. */
function acceptsJson(request: IncomingMessage): boolean {
  const accept = request.headers.accept ?? '';
  return accept === '' || /application\/json|\*\/\*/.test(accept);
}

interface Document {
  readonly text: string;
  readonly hash: string;
}

const caches = new WeakMap<Catalog, Map<string, Promise<Document>>>();

/** A document's text and hash, built once per catalogue (the built-in kinds do not change at run time). */
function document(catalog: Catalog, key: string, build: () => Promise<Json>): Promise<Document> {
  let texts = caches.get(catalog);
  if (texts === undefined) caches.set(catalog, (texts = new Map()));
  let entry = texts.get(key);
  if (entry === undefined) {
    entry = build().then((json) => {
      const text = JSON.stringify(json);
      return { text, hash: createHash('sha512').update(text).digest('hex').slice(0, 64).toUpperCase() };
    });
    texts.set(key, entry);
  }
  return entry;
}

function send(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** Serves `/openapi/v2`, `/openapi/v3` and `/openapi/v3/<group-version>`; false for other paths. */
export async function serveOpenApi(request: IncomingMessage, response: ServerResponse, catalog: Catalog, path: string): Promise<boolean> {
  if (path === '/openapi/v2') {
    if (acceptsJson(request)) send(response, (await document(catalog, 'v2', () => openApiV2(catalog, bundledSchema))).text);
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
    for (const [key, types] of versions) index[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${(await build(key, types)).hash}` };
    sendJson(response, 200, { paths: index });
    return true;
  }
  const key = path.slice('/openapi/v3/'.length);
  const types = versions.get(key);
  if (types === undefined) throw pathNotFound();
  send(response, (await build(key, types)).text);
  return true;
}
