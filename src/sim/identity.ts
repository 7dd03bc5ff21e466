/**
 * Who a request acts as and what it may do, as RBAC-shaped rules: the token's user, or (for the
 * admin only) whom `Impersonate-User`/`Impersonate-Group` name. Authorisation, access reviews and
 * rules reviews all read the same rules, so `kubectl auth can-i` never disagrees with a request.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from './status.ts';

export const NAMESPACED_USER_NAMESPACE = 'team-a';

export const usernames = {
  admin: 'kube-workbench-sim-admin',
  readOnly: 'kube-workbench-sim-readonly',
  namespaced: 'kube-workbench-sim-team-a',
} as const;

export type TokenUser = keyof typeof usernames;

export interface Identity {
  readonly username: string;
  readonly groups: readonly string[];
}

export interface ResourceRule {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
}

export interface NonResourceRule {
  readonly verbs: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

export interface Rules {
  readonly resourceRules: readonly ResourceRule[];
  readonly nonResourceRules: readonly NonResourceRule[];
}

const everything: ResourceRule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'] };
const readEverything: ResourceRule = { verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] };
/** What system:basic-user and system:discovery give every authenticated user. */
const basicRules: Rules = {
  resourceRules: [
    { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
    { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  ],
  nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] }],
};

const mastersGroup = 'system:masters';

export function tokenIdentity(user: TokenUser): Identity {
  return { username: usernames[user], groups: [...(user === 'admin' ? [mastersGroup] : []), 'system:authenticated'] };
}

function headerValues(request: IncomingMessage, name: string): string[] {
  const value = request.headers[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((each) => each.split(',')).map((each) => each.trim()).filter((each) => each !== '');
}

/** The identity a request runs as; impersonation by anyone but the admin is 403, as RBAC denies the `impersonate` verb. */
export function requestIdentity(request: IncomingMessage, user: TokenUser): Identity {
  const [asUser] = headerValues(request, 'impersonate-user');
  const asGroups = headerValues(request, 'impersonate-group');
  const own = tokenIdentity(user);
  if (asUser === undefined && asGroups.length === 0) return own;
  if (user !== 'admin') {
    const [resource, name] = asUser === undefined ? ['groups', asGroups[0] ?? ''] : ['users', asUser];
    throw new ApiError(403, 'Forbidden', `${resource} "${name}" is forbidden: User "${own.username}" cannot impersonate resource "${resource}" in API group "" at the cluster scope`, { name, kind: resource });
  }
  if (asUser === undefined) throw new ApiError(500, 'InternalError', 'Internal error occurred: requested impersonation of groups without a user');
  return { username: asUser, groups: [...new Set([...asGroups, 'system:authenticated'])] };
}

function userOf(identity: Identity): TokenUser | undefined {
  if (identity.groups.includes(mastersGroup)) return 'admin';
  if (identity.username === usernames.readOnly) return 'readOnly';
  if (identity.username === usernames.namespaced) return 'namespaced';
  return identity.username === usernames.admin ? 'admin' : undefined;
}

/** The rules that apply in `namespace` (cluster-wide ones always; a namespace's only there); unknown users get the basic ones only. */
export function rulesFor(identity: Identity, namespace: string | undefined): Rules {
  const user = userOf(identity);
  const own: ResourceRule[] = [];
  if (user === 'admin') own.push(everything);
  if (user === 'readOnly') own.push(readEverything);
  if (user === 'namespaced' && namespace === NAMESPACED_USER_NAMESPACE) own.push(everything);
  const nonResource = user === 'admin' ? [{ verbs: ['*'], nonResourceURLs: ['*'] }] : [];
  return { resourceRules: [...own, ...basicRules.resourceRules], nonResourceRules: [...nonResource, ...basicRules.nonResourceRules] };
}

export interface ResourceAttributes {
  readonly verb: string;
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string | undefined;
  readonly namespace: string | undefined;
}

const covers = (list: readonly string[], value: string): boolean => list.includes('*') || list.includes(value);

export function allowsResource(identity: Identity, attributes: ResourceAttributes): boolean {
  const resource = attributes.subresource === undefined ? attributes.resource : `${attributes.resource}/${attributes.subresource}`;
  return rulesFor(identity, attributes.namespace).resourceRules.some(
    (rule) => covers(rule.verbs, attributes.verb) && covers(rule.apiGroups, attributes.group) && covers(rule.resources, resource),
  );
}

export function allowsPath(identity: Identity, verb: string, path: string): boolean {
  return rulesFor(identity, undefined).nonResourceRules.some(
    (rule) => covers(rule.verbs, verb) && rule.nonResourceURLs.some((url) => url === path || (url.endsWith('*') && path.startsWith(url.slice(0, -1)))),
  );
}
