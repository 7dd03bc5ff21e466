/** Parses a Kubernetes API path into its parts, as k8s.io/apiserver's RequestInfoFactory does. */
import { booleanParam } from './query-params.ts';
import { badRequest, methodNotAllowed } from './status.ts';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ResourceRequest {
  readonly group: string;
  readonly version: string;
  readonly namespace: string | undefined;
  readonly plural: string;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
  readonly verb: Verb;
}

export interface GroupRequest {
  readonly group: string | undefined;
  readonly version: string | undefined;
}

function verbOf(method: string, named: boolean, watch: boolean): Verb {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch) return 'watch';
      return named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      throw methodNotAllowed(method);
  }
}

/**
 * `/api/v1/...` or `/apis/<group>/<version>/...`; a discovery path (no resource) is a GroupRequest,
 * anything else outside the API undefined.
 */
export function parseRequest(method: string, pathname: string, query: URLSearchParams): ResourceRequest | GroupRequest | undefined {
  let parts: string[];
  try {
    parts = pathname.split('/').filter((part) => part !== '').map(decodeURIComponent);
  } catch {
    throw badRequest(`malformed path ${JSON.stringify(pathname)}`);
  }
  let group: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length <= 2) return { group: '', version: parts[1] };
    group = '';
    rest = parts.slice(1);
  } else if (parts[0] === 'apis') {
    if (parts.length <= 3) return { group: parts[1], version: parts[2] };
    group = parts[1] ?? '';
    rest = parts.slice(2);
  } else {
    return undefined;
  }
  const version = rest[0] ?? '';
  let segments = rest.slice(1);
  let watch = booleanParam(query, 'watch');
  if (segments[0] === 'watch') {
    watch = true;
    segments = segments.slice(1);
  }
  let namespace: string | undefined;
  // namespaces/<ns>/status and /finalize are the Namespace's own subresources, not a namespaced type.
  if (segments[0] === 'namespaces' && segments.length >= 3 && !(segments.length === 3 && ['status', 'finalize'].includes(segments[2] ?? ''))) {
    namespace = segments[1];
    segments = segments.slice(2);
  }
  const [plural = '', name, subresource] = segments;
  if (segments.length > 3) return undefined;
  return { group, version, namespace, plural, name, subresource, verb: verbOf(method, name !== undefined, watch) };
}

export function isResourceRequest(request: ResourceRequest | GroupRequest): request is ResourceRequest {
  return 'verb' in request;
}
