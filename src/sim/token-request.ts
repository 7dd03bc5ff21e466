/**
 * serviceaccounts/<name>/token (TokenRequest, `kubectl create token`): an opaque random token with
 * the requested lifetime. The sim authenticates only its own three users, so the token is accepted nowhere.
 */
import { randomBytes } from 'node:crypto';
import type { SimClock } from './clock.ts';
import type { KubeObject } from './objects.ts';
import { isObject } from './objects.ts';
import { ApiError } from './status.ts';

const defaultSeconds = 3600;
/** The API server refuses lifetimes under ten minutes. */
const minimumSeconds = 600;

export function tokenRequest(account: KubeObject, body: KubeObject, clock: Pick<SimClock, 'now' | 'timestamp'>): KubeObject {
  const nowMs = clock.now();
  const spec = isObject(body['spec']) ? body['spec'] : {};
  const seconds = typeof spec['expirationSeconds'] === 'number' ? spec['expirationSeconds'] : defaultSeconds;
  if (seconds < minimumSeconds) {
    throw new ApiError(422, 'Invalid', `TokenRequest.authentication.k8s.io "${account.metadata.name ?? ''}" is invalid: spec.expirationSeconds: Invalid value: ${seconds}: may not specify a duration less than 10 minutes`);
  }
  const audiences = Array.isArray(spec['audiences']) && spec['audiences'].length > 0 ? spec['audiences'] : ['https://kubernetes.default.svc.cluster.local'];
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: account.metadata.name, namespace: account.metadata.namespace, creationTimestamp: clock.timestamp(nowMs) },
    spec: { audiences, expirationSeconds: seconds, boundObjectRef: spec['boundObjectRef'] ?? null },
    status: { token: randomBytes(48).toString('base64url'), expirationTimestamp: clock.timestamp(nowMs + seconds * 1000) },
  };
}
