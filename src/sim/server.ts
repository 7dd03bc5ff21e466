/**
 * The HTTPS front: authentication (bearer tokens), authorisation (a read-only user, a user confined
 * to one namespace), injected
 * faults, the admin endpoint, discovery and OpenAPI, then the resource API. Every failure is
 * answered with a Status; nothing a client sends can crash the process.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { ApiContext } from './api-context.ts';
import { handleResource, resolveType } from './api.ts';
import { serveSelfReview } from './auth-reviews.ts';
import { authorizedAs, isConnect, serveConnect, type Upgrade } from './connect.ts';
import type { Certificates } from './certificates.ts';
import { coreVersions, group, groupList, resourceList, versionInfo } from './discovery.ts';
import { timedFaultFromJson, type FaultState, type TimedFault } from './faults.ts';
import { parseObject } from './body-parse.ts';
import { readBody, sendError, sendJson } from './http-io.ts';
import { allowsResource, requestIdentity, type Identity, type TokenUser } from './identity.ts';
import { serveOpenApi } from './openapi.ts';
import { isResourceRequest, parseRequest, type ResourceRequest } from './request-info.ts';
import { asApiError, badRequest, forbidden, internalError, pathNotFound, tooManyRequests, unauthorized } from './status.ts';

export interface Tokens {
  readonly admin: string;
  readonly readOnly: string;
  /** A user who may do anything in NAMESPACED_USER_NAMESPACE (identity.ts) and nothing outside it. */
  readonly namespaced: string;
}


export interface AdminActions {
  schedule(timed: TimedFault): void;
  advance(ms: number): void;
}

export interface ServerOptions {
  readonly context: ApiContext;
  readonly tokens: Tokens;
  readonly faults: FaultState;
  readonly admin: AdminActions;
  readonly certificates: Certificates;
  /** host:port clients are told in discovery. */
  readonly address: () => string;
}

function sameToken(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

function userOf(request: IncomingMessage, tokens: Tokens): TokenUser | undefined {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) return undefined;
  const token = header.slice('Bearer '.length).trim();
  if (sameToken(token, tokens.admin)) return 'admin';
  if (sameToken(token, tokens.readOnly)) return 'readOnly';
  if (sameToken(token, tokens.namespaced)) return 'namespaced';
  return undefined;
}

async function serveAdmin(request: IncomingMessage, response: ServerResponse, options: ServerOptions, path: string): Promise<void> {
  const body = parseObject(await readBody(request), 'application/json');
  if (request.method === 'POST' && path === '/admin/faults') {
    options.admin.schedule(timedFaultFromJson(body));
    return sendJson(response, 200, { applied: body['type'] });
  }
  if (request.method === 'POST' && path === '/admin/clock') {
    const seconds = Number(body['advanceSeconds']);
    if (!Number.isFinite(seconds) || seconds < 0) throw badRequest('advanceSeconds must be a non-negative number');
    options.admin.advance(seconds * 1000);
    return sendJson(response, 200, { now: new Date(options.context.clock.now()).toISOString() });
  }
  throw pathNotFound();
}

function serveDiscovery(response: ServerResponse, options: ServerOptions, path: string): boolean {
  const { catalog } = options.context;
  if (path === '/version') sendJson(response, 200, versionInfo);
  else if (path === '/api') sendJson(response, 200, coreVersions(options.address()));
  else if (path === '/apis') sendJson(response, 200, groupList(catalog));
  else return false;
  return true;
}

/** RBAC's view of a request: a Namespace object is in its own namespace, so team-a's user may read `namespaces/team-a`. */
function authorize(identity: Identity, info: ResourceRequest, options: ServerOptions): void {
  const namespace = info.namespace ?? (info.group === '' && info.plural === 'namespaces' ? info.name : undefined);
  if (allowsResource(identity, { verb: info.verb, group: info.group, resource: info.plural, subresource: info.subresource, namespace })) return;
  throw forbidden(identity.username, info.verb, resolveType(options.context, info), info.namespace, info.name, info.subresource);
}

/** `upgrade` is set for an HTTP upgrade (WebSocket, SPDY): only the pods' connect subresources take one. */
async function handle(request: IncomingMessage, response: ServerResponse, options: ServerOptions, upgrade?: Upgrade): Promise<void> {
  const url = new URL(request.url ?? '/', 'https://127.0.0.1');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/healthz' || path === '/livez' || path === '/readyz') {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('ok');
    return;
  }
  const user = userOf(request, options.tokens);
  if (path.startsWith('/admin/')) {
    if (user !== 'admin') throw unauthorized();
    return serveAdmin(request, response, options, path);
  }
  const { faults } = options;
  if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
  if (faults.throttled > 0) {
    faults.throttled -= 1;
    throw tooManyRequests(faults.retryAfterSeconds);
  }
  if (faults.failing > 0) {
    faults.failing -= 1;
    throw internalError('injected fault');
  }
  if (user === undefined || faults.tokenExpired) throw unauthorized();
  const identity = requestIdentity(request, user);
  if (serveDiscovery(response, options, path) || (await serveOpenApi(request, response, options.context.catalog, path))) return;
  const info = parseRequest(request.method ?? 'GET', path, url.searchParams);
  if (info === undefined) throw pathNotFound();
  if (!isResourceRequest(info)) {
    if (info.group === '' && info.version === 'v1') return sendJson(response, 200, resourceList(options.context.catalog, '', 'v1'));
    if (info.group !== undefined && info.group !== '' && info.version === undefined) return sendJson(response, 200, group(options.context.catalog, info.group));
    if (info.group !== undefined && info.group !== '' && info.version !== undefined) return sendJson(response, 200, resourceList(options.context.catalog, info.group, info.version));
    throw pathNotFound();
  }
  if (await serveSelfReview(request, response, info, identity)) return;
  authorize(identity, authorizedAs(info), options);
  if (isConnect(info)) return serveConnect(request, options.context, info, url.searchParams, upgrade);
  if (upgrade !== undefined) throw badRequest('this resource takes no upgrade');
  await handleResource(request, response, options.context, info, url.searchParams);
}

/**
 * Open connections: kubectl, the extension and the benchmarks use tens. Anyone on the machine can
 * connect before authenticating, so idle TLS connections must not add up to gigabytes.
 */
export const maxConnections = 1024;
/** A TLS handshake not done in this time is dropped (Node waits 120 s). */
const handshakeTimeoutMs = 10_000;

export function createSimServer(options: ServerOptions): Server {
  const tls = { cert: options.certificates.certPem, key: options.certificates.keyPem, handshakeTimeout: handshakeTimeoutMs };
  const server = createServer(tls, (request, response) => {
    // A client that goes away mid-request must not become an unhandled 'error'.
    request.on('error', () => response.destroy());
    response.on('error', () => undefined);
    handle(request, response, options).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, asApiError(error));
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    // A Status answer before the upgrade goes out as on any request, then the connection ends.
    const response = new ServerResponse(request);
    response.assignSocket(socket);
    response.shouldKeepAlive = false;
    response.on('finish', () => socket.end());
    handle(request, response, options, { socket, head }).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, asApiError(error));
      else socket.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  server.maxConnections = maxConnections;
  return server;
}
