/**
 * The pods' connect subresources: streams upgraded from an HTTP request rather than JSON answers.
 * RBAC asks for `create` on them whatever the method, as kube-apiserver does for the WebSocket GETs
 * of kubectl ≥ 1.30 (AuthorizePodWebsocketUpgradeCreatePermission). Each subresource has one
 * handler here; a request that is not an upgrade is 400, as the apiserver answers it.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiContext } from './api-context.ts';
import { getObject } from './api-reads.ts';
import { resolveType } from './api.ts';
import type { Pod } from './objects.ts';
import { servePortForward } from './port-forward/port-forward.ts';
import type { ResourceRequest } from './request-info.ts';
import { serveExecOrAttach } from './streams/exec-connect.ts';
import { badRequest } from './status.ts';

export interface Upgrade {
  readonly socket: Duplex;
  readonly head: Buffer;
}

type ConnectHandler = (request: IncomingMessage, upgrade: Upgrade, query: URLSearchParams, pod: Pod, context: ApiContext) => void;

const handlers: Readonly<Record<string, ConnectHandler>> = {
  portforward: (request, upgrade, query, pod, context) => servePortForward(request, upgrade.socket, upgrade.head, query, pod, context.containerPorts),
  exec: (request, upgrade, query, pod, context) => serveExecOrAttach('exec', request, upgrade, query, pod, context),
  attach: (request, upgrade, query, pod, context) => serveExecOrAttach('attach', request, upgrade, query, pod, context),
};

export function isConnect(info: ResourceRequest): boolean {
  return info.group === '' && info.plural === 'pods' && info.subresource !== undefined && Object.hasOwn(handlers, info.subresource);
}

/** The request as RBAC sees it: connect subresources need `create`. */
export function authorizedAs(info: ResourceRequest): ResourceRequest {
  return isConnect(info) ? { ...info, verb: 'create' } : info;
}

export function serveConnect(request: IncomingMessage, context: ApiContext, info: ResourceRequest, query: URLSearchParams, upgrade: Upgrade | undefined): void {
  const handler = handlers[info.subresource ?? ''];
  const pod = getObject(context, resolveType(context, { ...info, verb: 'get' }), info.namespace, info.name ?? '') as Pod;
  if (handler === undefined || upgrade === undefined) throw badRequest('Upgrade request required');
  handler(request, upgrade, query, pod, context);
}
