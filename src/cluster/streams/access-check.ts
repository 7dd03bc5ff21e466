// "Can I?" before opening a stream: a SelfSubjectAccessReview (what `kubectl auth can-i` asks), so a
// forbidden exec or port-forward is reported up front, naming the verb, instead of as a refused
// WebSocket upgrade whose body the WebSocket client never shows.
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import type { ApiClient } from '../api-client.ts';
import type { ClusterError } from '../cluster-error.ts';
import { collectionPath, KINDS } from '../kinds.ts';

export interface AccessAttributes {
  readonly verb: string;
  /** '' (the core group) unless given. */
  readonly group?: string;
  /** Plural of a core-group resource: "pods". */
  readonly resource: string;
  readonly subresource?: string;
  readonly namespace: string;
  readonly name?: string;
}

/** ok when allowed, or when the review itself cannot be had (the stream's own answer then decides). */
export async function checkAccess(client: ApiClient, attributes: AccessAttributes): Promise<Result<void, ClusterError>> {
  const what = `${attributes.resource}${attributes.subresource === undefined ? '' : `/${attributes.subresource}`}`;
  const review = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { group: '', ...attributes } } };
  const answer = await client.request(collectionPath(KINDS.SelfSubjectAccessReview), { method: 'POST', body: review, verb: 'create', resource: 'selfsubjectaccessreviews' });
  if (!answer.ok) return ok(undefined);
  const status = (answer.value as { status?: { allowed?: boolean; reason?: string } }).status;
  if (status?.allowed === true) return ok(undefined);
  const reason = status?.reason === undefined || status.reason === '' ? '' : ` (${status.reason})`;
  return err({ kind: 'forbidden', code: 403, message: `${attributes.verb} ${what} is forbidden in namespace "${attributes.namespace}" in context "${client.context}"${reason}` });
}
