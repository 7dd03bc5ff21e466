/** create, update, patch and delete: validation, defaulting, managedFields, dryRun, then the store. */
import { randomUUID } from 'node:crypto';
import { admit } from './admission.ts';
import type { ApiContext } from './api-context.ts';
import { applyDefaults } from './defaults.ts';
import { randomSuffix } from './names.ts';
import { recordUpdate, serverSideApply, type Manager } from './managed-fields.ts';
import type { KubeObject } from './objects.ts';
import { clone, isObject } from './objects.ts';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch.ts';
import { apiVersionOf, type ResourceType } from './resources.ts';
import { type FieldValidation, validateSchema } from './schema-validation.ts';
import { ApiError, badRequest, notFound, unsupportedMediaType } from './status.ts';
import { validateMetadata } from './validation.ts';

export interface WriteOptions {
  readonly dryRun: boolean;
  readonly manager: Manager;
  /** Unknown fields: 400 (Strict), a warning (Warn, the default) or nothing (Ignore); see schema-validation.ts. */
  readonly fieldValidation?: FieldValidation;
  readonly warn?: (text: string) => void;
  /** Keys the request body repeats, as field paths (duplicate-fields.ts). */
  readonly duplicates?: readonly string[];
}

/** The schema check of the object about to be stored: after patches, before managedFields. */
function checkSchema(type: ResourceType, object: KubeObject, options: WriteOptions): void {
  validateSchema(type, object, options.fieldValidation ?? 'Warn', options.warn ?? (() => undefined), options.duplicates);
}

const namespaceType = { group: '', plural: 'namespaces', kind: 'Namespace' } as const;

function checkTarget(context: ApiContext, type: ResourceType, namespace: string | undefined, object: KubeObject): void {
  const apiVersion = apiVersionOf(type);
  if (object.apiVersion !== undefined && object.apiVersion !== apiVersion) {
    throw badRequest(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${apiVersion})`);
  }
  if (object.kind !== undefined && object.kind !== type.kind) throw badRequest(`the kind in the data (${String(object.kind)}) does not match the expected kind (${type.kind})`);
  if (!type.namespaced) return;
  const own = object.metadata.namespace;
  if (own !== undefined && own !== '' && own !== namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  const namespaces = context.catalog.stored(namespaceType.group, namespaceType.plural);
  if (namespace !== undefined && context.store.get(namespaces, undefined, namespace) === undefined) throw notFound(namespaces, namespace);
}

/** The store's form of a new object: typed, named, namespaced, defaulted, with its first managedFields entry. */
function prepareNew(context: ApiContext, type: ResourceType, namespace: string | undefined, body: KubeObject, options: WriteOptions): KubeObject {
  checkTarget(context, type, namespace, body);
  const object = clone(body);
  object.apiVersion = apiVersionOf(type);
  object.kind = type.kind;
  if ((object.metadata.name ?? '') === '' && object.metadata.generateName !== undefined) object.metadata.name = `${object.metadata.generateName}${randomSuffix()}`;
  validateMetadata(type, object);
  object.metadata = { ...object.metadata, ...(type.namespaced ? { namespace } : {}), uid: randomUUID() };
  delete object.metadata.resourceVersion;
  // Before defaulting, which expects well-typed values, as the server decodes before it defaults.
  checkSchema(type, object, options);
  applyDefaults(type, object, { allocateIp: context.allocateIp });
  object.metadata.managedFields = recordUpdate(undefined, object, options.manager);
  return object;
}

export function create(context: ApiContext, type: ResourceType, namespace: string | undefined, body: KubeObject, options: WriteOptions): KubeObject {
  const object = prepareNew(context, type, namespace, body, options);
  admit(context.store, context.catalog, type, object);
  if (!options.dryRun) return context.store.create(type, object);
  context.store.check(type, object, true);
  return object;
}

/** Carries over what a client may not change through this endpoint (status via the main resource, and the reverse). */
function carryOver(type: ResourceType, current: KubeObject, next: KubeObject, subresource: string | undefined): KubeObject {
  const merged: KubeObject =
    subresource === 'status'
      ? { ...current, status: next['status'], metadata: { ...current.metadata, resourceVersion: next.metadata.resourceVersion } }
      : { ...next, ...(type.subresources.includes('status') && current['status'] !== undefined ? { status: current['status'] } : {}) };
  merged.apiVersion = current.apiVersion;
  merged.kind = current.kind;
  const specChanged = JSON.stringify(current['spec']) !== JSON.stringify(merged['spec']);
  merged.metadata = {
    ...merged.metadata,
    name: current.metadata.name,
    ...(current.metadata.namespace === undefined ? {} : { namespace: current.metadata.namespace }),
    generation: (current.metadata.generation ?? 1) + (specChanged ? 1 : 0),
    managedFields: current.metadata.managedFields,
  };
  return merged;
}

function store(context: ApiContext, type: ResourceType, current: KubeObject, next: KubeObject, options: WriteOptions): KubeObject {
  validateMetadata(type, next);
  checkSchema(type, next, options);
  next.metadata.managedFields = recordUpdate(current, next, options.manager);
  if (!options.dryRun) return context.store.update(type, next);
  context.store.check(type, next, false);
  return next;
}

export function update(context: ApiContext, type: ResourceType, current: KubeObject, body: KubeObject, subresource: string | undefined, options: WriteOptions): KubeObject {
  if (body.metadata.name !== undefined && body.metadata.name !== current.metadata.name) {
    throw badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${current.metadata.name ?? ''})`);
  }
  checkTarget(context, type, current.metadata.namespace, body);
  return store(context, type, current, carryOver(type, current, clone(body), subresource), options);
}

export const patchTypes = ['application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/json-patch+json', 'application/apply-patch+yaml'];

/** Applies a merge, strategic or JSON patch to an object's copy. */
export function patched(object: unknown, patch: unknown, contentType: string): KubeObject {
  let result: unknown;
  if (contentType === 'application/merge-patch+json') result = mergePatch(object, patch);
  else if (contentType === 'application/strategic-merge-patch+json') result = strategicMergePatch(object, patch);
  else if (contentType === 'application/json-patch+json') result = jsonPatch(object, patch);
  else throw unsupportedMediaType(contentType);
  if (!isObject(result) || !isObject(result['metadata'])) throw badRequest('the patch removed the object or its metadata');
  return result as KubeObject;
}

export function patch(context: ApiContext, type: ResourceType, current: KubeObject, body: unknown, contentType: string, subresource: string | undefined, options: WriteOptions): KubeObject {
  const next = patched(clone(current), body, contentType);
  if (next.metadata.name !== current.metadata.name) throw badRequest('metadata.name cannot be changed by a patch');
  return store(context, type, current, carryOver(type, current, next, subresource), options);
}

/** Server-side apply; a missing object is created (apply is an upsert). */
export function apply(context: ApiContext, type: ResourceType, namespace: string | undefined, name: string, current: KubeObject | undefined, body: KubeObject, force: boolean, options: WriteOptions): KubeObject {
  if (body.metadata.name !== undefined && body.metadata.name !== name) {
    throw badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`);
  }
  if (current === undefined) {
    const created = prepareNew(context, type, namespace, { ...body, metadata: { ...body.metadata, name } }, options);
    const withFields = serverSideApply(undefined, body, options.manager, force);
    created.metadata.managedFields = withFields.metadata.managedFields;
    return options.dryRun ? created : context.store.create(type, created);
  }
  checkTarget(context, type, namespace, body);
  const merged = serverSideApply(current, body, options.manager, force);
  const next = carryOver(type, current, merged, undefined);
  next.metadata.managedFields = merged.metadata.managedFields;
  next.metadata.resourceVersion = body.metadata.resourceVersion ?? current.metadata.resourceVersion;
  validateMetadata(type, next);
  checkSchema(type, next, options);
  return options.dryRun ? next : context.store.update(type, next);
}

export function remove(context: ApiContext, type: ResourceType, current: KubeObject, propagation: string | undefined, options: WriteOptions): KubeObject {
  if (options.dryRun) return current;
  if (propagation !== undefined && !['Orphan', 'Background', 'Foreground'].includes(propagation)) {
    throw new ApiError(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${propagation}"`);
  }
  if (propagation === 'Orphan') context.orphanDependents(current);
  return context.store.delete(type, current.metadata.namespace, current.metadata.name ?? '');
}
