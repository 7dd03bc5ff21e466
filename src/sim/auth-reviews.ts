/**
 * The self reviews any authenticated user may create: SelfSubjectAccessReview (`kubectl auth can-i`),
 * SelfSubjectRulesReview (`can-i --list`) and SelfSubjectReview (`kubectl auth whoami`), answered
 * from the identity's rules. Answers are built from a few bounded fields, never by echoing the body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { reviewSpec } from './access-review.ts';
import { parseObject } from './body-parse.ts';
import { mediaType, readBody, sendJson } from './http-io.ts';
import { allowsPath, allowsResource, rulesFor, type Identity } from './identity.ts';
import { isObject } from './objects.ts';
import type { ResourceRequest } from './request-info.ts';

/**
 * A review is a few hundred bytes; any user may send one, the read-only one included, and 3 MiB of
 * YAML takes the parser a second: reviews get 64 KiB.
 */
const maxReviewBytes = 64 * 1024;
/** Longer than any namespace name (63): a rules review's namespace is not echoed beyond it. */
const maxNamespaceLength = 253;

async function reviewBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return parseObject(await readBody(request, maxReviewBytes), mediaType(request));
}

async function accessReview(request: IncomingMessage, response: ServerResponse, identity: Identity): Promise<void> {
  const spec = reviewSpec(await reviewBody(request));
  const resource = spec.resourceAttributes;
  const path = spec.nonResourceAttributes;
  const verb = resource?.verb ?? path?.verb ?? '';
  const allowed =
    resource !== undefined
      ? allowsResource(identity, { verb, group: resource.group ?? '', resource: resource.resource ?? '', subresource: resource.subresource, namespace: resource.namespace })
      : allowsPath(identity, verb, path?.path ?? '');
  const reason = allowed ? `allowed for ${identity.username}` : `no rule of ${identity.username} allows it`;
  sendJson(response, 201, { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec, status: { allowed, ...(allowed ? {} : { denied: true }), reason } });
}

async function rulesReview(request: IncomingMessage, response: ServerResponse, identity: Identity): Promise<void> {
  const body = await reviewBody(request);
  const given = isObject(body['spec']) ? body['spec']['namespace'] : undefined;
  const namespace = typeof given === 'string' && given !== '' ? given.slice(0, maxNamespaceLength) : undefined;
  const rules = rulesFor(identity, namespace);
  sendJson(response, 201, {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: {},
    spec: namespace === undefined ? {} : { namespace },
    status: { ...rules, incomplete: false },
  });
}

function whoAmI(response: ServerResponse, identity: Identity): void {
  sendJson(response, 201, {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: {},
    status: { userInfo: { username: identity.username, groups: identity.groups } },
  });
}

/** Answers the request when it creates one of the self reviews; false when it is anything else. */
export async function serveSelfReview(request: IncomingMessage, response: ServerResponse, info: ResourceRequest, identity: Identity): Promise<boolean> {
  if (info.verb !== 'create' || info.name !== undefined) return false;
  const key = `${info.group}/${info.plural}`;
  if (key === 'authorization.k8s.io/selfsubjectaccessreviews') await accessReview(request, response, identity);
  else if (key === 'authorization.k8s.io/selfsubjectrulesreviews') await rulesReview(request, response, identity);
  else if (key === 'authentication.k8s.io/selfsubjectreviews') whoAmI(response, identity);
  else return false;
  return true;
}
