/** The Kubernetes `Status` errors the sim answers with, shaped like kube-apiserver's (k8s.io/apimachinery errors.go). */
import type { ResourceType } from './resources.ts';

export interface StatusCause {
  readonly reason: string;
  readonly message: string;
  readonly field?: string;
}

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly causes?: readonly StatusCause[];
  readonly retryAfterSeconds?: number;
}

export class ApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details: StatusDetails | undefined;

  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  /** The wire form; `details` only when present, as the real server omits it. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details === undefined ? {} : { details: this.details }),
      code: this.code,
    };
  }
}

/** `deployments.apps`, or `pods` for the core group: how the server names a resource in messages. */
export function qualifiedName(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

function about(type: ResourceType, name: string): StatusDetails {
  return { name, ...(type.group === '' ? {} : { group: type.group }), kind: type.plural };
}

export function notFound(type: ResourceType, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedName(type)} "${name}" not found`, about(type, name));
}

export function alreadyExists(type: ResourceType, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedName(type)} "${name}" already exists`, about(type, name));
}

export function conflict(type: ResourceType, name: string, why: string): ApiError {
  return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedName(type)} "${name}": ${why}`, about(type, name));
}

export function staleResourceVersion(type: ResourceType, name: string): ApiError {
  return conflict(type, name, 'the object has been modified; please apply your changes to the latest version and try again');
}

export function invalid(type: ResourceType, name: string, causes: readonly StatusCause[]): ApiError {
  const summary = causes.map((cause) => `${cause.field ?? ''}: ${cause.message}`).join(', ');
  const details = { name, ...(type.group === '' ? {} : { group: type.group }), kind: type.kind, causes };
  return new ApiError(422, 'Invalid', `${type.kind} "${name}" is invalid: ${summary}`, details);
}

/**
 * A 422 about request options rather than a stored kind (PodLogOptions, CreateOptions.meta.k8s.io):
 * the message names each field and `details.causes` carries them, as kubectl prints them.
 */
export function invalidOptions(kind: string, group: string, name: string, causes: readonly StatusCause[]): ApiError {
  const summary = causes.map((cause) => `${cause.field ?? ''}: ${cause.message}`).join(', ');
  return new ApiError(422, 'Invalid', `${kind}${group === '' ? '' : `.${group}`} "${name}" is invalid: ${summary}`, { name, ...(group === '' ? {} : { group }), kind, causes });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/** An unknown path: kube-apiserver's NotFound with empty `details`, which kubectl debug reads (it has no nil check). */
export function pathNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function methodNotAllowed(method: string): ApiError {
  return new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${method})`, {});
}

export function unsupportedMediaType(contentType: string): ApiError {
  return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (got ${contentType})`);
}

export function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(user: string, verb: string, type: ResourceType, namespace: string | undefined, name?: string, subresource?: string): ApiError {
  const where = namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
  const target = name === undefined ? qualifiedName(type) : `${qualifiedName(type)} "${name}"`;
  const message = `${target} is forbidden: User "${user}" cannot ${verb} resource "${subresource === undefined ? type.plural : `${type.plural}/${subresource}`}" in API group "${type.group}" ${where}`;
  return new ApiError(403, 'Forbidden', message, { ...(name === undefined ? {} : { name }), ...(type.group === '' ? {} : { group: type.group }), kind: type.plural });
}

export function gone(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds });
}

export function internalError(message: string): ApiError {
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`);
}

/** Any thrown value as a Status error: ApiErrors as they are, anything else as a 500 without its stack. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return internalError(error instanceof Error ? error.message : String(error));
}
