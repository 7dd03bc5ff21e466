/** Dispatches one resource request (`/api/v1/...`, `/apis/<g>/<v>/...`) to its verb. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from './api-context.ts';
import { getObject, serveGet, serveList, serveWatchRequest } from './api-reads.ts';
import { apply, create, patch, patched, patchTypes, remove, update, type WriteOptions } from './api-writes.ts';
import { parseJson, parseKubeObject, parseObject } from './body-parse.ts';
import { duplicateFields } from './duplicate-fields.ts';
import { admitEviction, markDisruptionTarget } from './eviction.ts';
import { mediaType, readBody, sendJson } from './http-io.ts';
import type { KubeObject, Pod } from './objects.ts';
import { isObject } from './objects.ts';
import { booleanParam, dryRunParam } from './query-params.ts';
import type { ResourceRequest } from './request-info.ts';
import { apiVersionOf, type ResourceType } from './resources.ts';
import { fromScale, toScale } from './scale.ts';
import { fieldValidationOf } from './schema-validation.ts';
import { combine, parseFieldSelector, parseLabelSelector } from './selectors.ts';
import { badRequest, invalidOptions, methodNotAllowed, pathNotFound, unsupportedMediaType } from './status.ts';
import { tokenRequest } from './token-request.ts';

/** The field manager of a write: the query's, else the user agent's program name, as the server defaults it. */
function managerName(request: IncomingMessage, query: URLSearchParams): string {
  const given = query.get('fieldManager');
  if (given !== null && given !== '') return given;
  return (request.headers['user-agent'] ?? 'unknown').split('/')[0] ?? 'unknown';
}

export function resolveType(context: ApiContext, info: ResourceRequest): ResourceType {
  const type = context.catalog.find(info.group, info.version, info.plural);
  if (type === undefined) throw pathNotFound();
  if (info.namespace !== undefined && !type.namespaced) throw pathNotFound();
  if (info.subresource !== undefined && !type.subresources.includes(info.subresource)) throw pathNotFound();
  const verb = info.subresource === undefined ? info.verb : info.verb === 'list' ? 'get' : info.verb;
  if (!type.verbs.includes(verb)) throw methodNotAllowed(info.verb);
  return type;
}

export async function handleResource(request: IncomingMessage, response: ServerResponse, context: ApiContext, info: ResourceRequest, query: URLSearchParams): Promise<void> {
  const type = resolveType(context, info);
  const { namespace, name, subresource } = info;
  if (type.namespaced && namespace === undefined && name !== undefined) throw pathNotFound();
  switch (info.verb) {
    case 'list':
      return serveList(request, response, context, type, namespace, query);
    case 'watch':
      return serveWatchRequest(request, response, context, type, namespace, name, query);
    case 'get':
      if (subresource === 'log') return serveLog(response, context, getObject(context, type, namespace, name ?? '') as Pod, query);
      if (subresource === 'scale') return sendJson(response, 200, toScale(getObject(context, type, namespace, name ?? '')));
      return serveGet(request, response, context, type, namespace, name ?? '', query);
    default:
      return handleWrite(request, response, context, type, info, query);
  }
}

/** The options kind the server names when a write's query is invalid. */
const optionsKinds: Partial<Record<string, string>> = { create: 'CreateOptions', update: 'UpdateOptions', patch: 'PatchOptions' };

async function handleWrite(request: IncomingMessage, response: ServerResponse, context: ApiContext, type: ResourceType, info: ResourceRequest, query: URLSearchParams): Promise<void> {
  const { namespace, name = '', subresource } = info;
  const body = await readBody(request);
  const contentType = mediaType(request);
  const options: WriteOptions = {
    dryRun: dryRunParam(query, optionsKinds[info.verb] ?? 'DeleteOptions'),
    fieldValidation: fieldValidationOf(query.get('fieldValidation')),
    warn: (text) => response.appendHeader('Warning', `299 - ${JSON.stringify(text)}`),
    duplicates: duplicateFields(body),
    manager: {
      name: managerName(request, query),
      // The parent's version even through the scale subresource: the server records Scale writes on the parent (ScaleHandler.ToParent).
      apiVersion: apiVersionOf(type),
      time: context.clock.timestamp(),
      subresource,
    },
  };
  switch (info.verb) {
    case 'create':
      if (subresource === 'eviction') {
        // The Eviction API (kubectl drain): a delete, once the pod's disruption budget allows it.
        const pod = getObject(context, type, namespace, name) as Pod;
        if (!options.dryRun) {
          admitEviction(context.store, context.catalog, pod);
          markDisruptionTarget(context.store, type, pod, { reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' }, context.clock.timestamp());
        }
        remove(context, type, pod, undefined, options);
        return sendJson(response, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
      }
      if (subresource === 'token') return sendJson(response, 201, tokenRequest(getObject(context, type, namespace, name), parseKubeObject(body, contentType), context.clock));
      if (name !== '') throw methodNotAllowed('POST');
      return sendJson(response, 201, create(context, type, namespace, parseKubeObject(body, contentType), options));
    case 'update': {
      const current = getObject(context, type, namespace, name);
      if (subresource === 'scale') return sendJson(response, 200, toScale(update(context, type, current, fromScale(current, parseKubeObject(body, contentType)), undefined, options)));
      return sendJson(response, 200, update(context, type, current, parseKubeObject(body, contentType), subresource, options));
    }
    case 'patch': {
      const existed = type.virtual !== true && context.store.get(type, namespace, name) !== undefined;
      // An apply that creates answers 201, as the real server does.
      return sendJson(response, existed ? 200 : 201, patchRequest(context, type, info, body, contentType, query, options));
    }
    case 'delete': {
      const current = getObject(context, type, namespace, name);
      return sendJson(response, 200, remove(context, type, current, propagationOf(body, contentType, query), options));
    }
    case 'deletecollection': {
      const matcher = combine(parseLabelSelector(query.get('labelSelector')), parseFieldSelector(query.get('fieldSelector')));
      const chosen = [...context.store.scan(type, { namespace })].filter(({ object }) => matcher === undefined || matcher(object));
      const propagation = propagationOf(body, contentType, query);
      const removed = chosen.map(({ object }) => remove(context, type, object, propagation, options));
      return sendJson(response, 200, { kind: `${type.kind}List`, apiVersion: type.group === '' ? type.version : `${type.group}/${type.version}`, metadata: {}, items: removed });
    }
    default:
      throw methodNotAllowed(request.method ?? '');
  }
}

/** A delete's propagation from its DeleteOptions (body, else query); the deprecated orphanDependents=true means Orphan. */
function propagationOf(body: Buffer, contentType: string, query: URLSearchParams): string | undefined {
  const options = body.length === 0 ? {} : parseObject(body, contentType);
  const policy = (options['propagationPolicy'] as string | undefined) ?? query.get('propagationPolicy') ?? undefined;
  const given = options['orphanDependents'];
  const orphan = typeof given === 'boolean' ? given : query.has('orphanDependents') ? booleanParam(query, 'orphanDependents') : undefined;
  if (orphan === undefined) return policy;
  if (policy !== undefined) {
    const message = `Invalid value: ${JSON.stringify(policy)}: orphanDependents and deletionPropagation cannot be both set`;
    throw invalidOptions('DeleteOptions', 'meta.k8s.io', '', [{ reason: 'FieldValueInvalid', message, field: 'propagationPolicy' }]);
  }
  return orphan ? 'Orphan' : undefined;
}

function patchRequest(context: ApiContext, type: ResourceType, info: ResourceRequest, body: Buffer, contentType: string, query: URLSearchParams, options: WriteOptions): KubeObject {
  const { namespace, name = '', subresource } = info;
  if (!patchTypes.includes(contentType)) throw unsupportedMediaType(contentType);
  if (contentType === 'application/apply-patch+yaml') {
    if (!query.has('fieldManager')) throw badRequest('PATCH, application/apply-patch+yaml: fieldManager is required');
    const current = type.virtual === true ? undefined : context.store.get(type, namespace, name);
    return apply(context, type, namespace, name, current, parseKubeObject(body, 'application/yaml'), booleanParam(query, 'force'), options);
  }
  // Any `force`, even false, is refused outside apply (apimachinery's ValidatePatchOptions).
  if (query.has('force')) throw invalidOptions('PatchOptions', 'meta.k8s.io', '', [{ reason: 'FieldValueForbidden', message: 'Forbidden: may not be specified for non-apply patch', field: 'force' }]);
  const document = contentType === 'application/json-patch+json' ? parseJson(body) : parseObject(body, 'application/json');
  const current = getObject(context, type, namespace, name);
  if (subresource === 'scale') {
    const scale = patched(toScale(current), document, contentType === 'application/strategic-merge-patch+json' ? 'application/merge-patch+json' : contentType);
    return toScale(update(context, type, current, fromScale(current, scale), undefined, options));
  }
  if (!isObject(document) && !Array.isArray(document)) throw badRequest('the patch must be an object or a list of operations');
  return patch(context, type, current, document, contentType, subresource, options);
}

/** A count parameter of PodLogOptions: a whole number at least `min`, with the server's messages. */
function logCount(query: URLSearchParams, pod: Pod, key: string, min: number): number | undefined {
  const text = query.get(key);
  if (text === null) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
  if (value < min) {
    const rule = min === 0 ? 'must be greater than or equal to 0' : 'must be greater than 0';
    throw invalidOptions('PodLogOptions', '', pod.metadata.name ?? '', [{ reason: 'FieldValueInvalid', message: `Invalid value: ${value}: ${rule}`, field: key }]);
  }
  return value;
}

function serveLog(response: ServerResponse, context: ApiContext, pod: Pod, query: URLSearchParams): void {
  const container = query.get('container') ?? undefined;
  if (container !== undefined && !pod.spec.containers.some((each) => each.name === container)) {
    throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name ?? ''}`);
  }
  if (container === undefined && pod.spec.containers.length > 1) {
    throw badRequest(`a container name must be specified for pod ${pod.metadata.name ?? ''}, choose one of: [${pod.spec.containers.map((each) => each.name).join(' ')}]`);
  }
  context.serveLogs(pod, {
    container: container ?? pod.spec.containers[0]?.name,
    follow: booleanParam(query, 'follow'),
    tailLines: logCount(query, pod, 'tailLines', 0),
    sinceSeconds: logCount(query, pod, 'sinceSeconds', 1),
    limitBytes: logCount(query, pod, 'limitBytes', 1),
    timestamps: booleanParam(query, 'timestamps'),
    previous: booleanParam(query, 'previous'),
  }, response);
}
