/**
 * `pods/{name}/portforward`: the protocols real clients speak, chosen from the upgrade request.
 * - WebSocket with `SPDY/3.1+portforward.k8s.io` (kubectl ≥ 1.31 first): SPDY frames tunnelled in
 *   binary messages, as the apiserver's tunnelling handler accepts them.
 * - WebSocket with `v4.channel.k8s.io` (or `portforward.k8s.io`, or none): kubelet's channel protocol,
 *   as client-node's PortForward speaks it.
 * - `Upgrade: SPDY/3.1` with `X-Stream-Protocol-Version: portforward.k8s.io` (kubectl's fallback).
 * Anything else is 400, as the apiserver answers a plain GET.
 */
import type { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import type { Pod } from '../objects.ts';
import { ApiError, badRequest } from '../status.ts';
import { acceptWebSocket, isWebSocketRequest, offeredProtocols, type WebSocket } from '../streams/websocket.ts';
import type { ContainerPorts } from './container-ports.ts';
import { forwardOverSpdy } from './spdy-forward.ts';
import { forwardOverChannels } from './websocket-forward.ts';

const streamProtocol = 'portforward.k8s.io';
const tunnelProtocol = `SPDY/3.1+${streamProtocol}`;
const channelProtocols = ['v4.channel.k8s.io', streamProtocol];

/** The ports of `?ports=` (comma-separated or repeated), each 1-65535. */
function requestedPorts(query: URLSearchParams): number[] {
  const texts = query.getAll('ports').flatMap((each) => each.split(',')).map((each) => each.trim()).filter((each) => each !== '');
  if (texts.length === 0) throw badRequest('query parameter "ports" is required');
  return texts.map((text) => {
    const port = /^\d{1,5}$/.test(text) ? Number(text) : 0;
    if (port < 1 || port > 65535) throw badRequest(`invalid port ${JSON.stringify(text)}: must be between 1 and 65535`);
    return port;
  });
}

/** A WebSocket's binary messages as a byte stream, for SPDY frames that span or share messages. */
function tunnel(request: IncomingMessage, upgraded: Duplex, head: Buffer): Duplex {
  // The closures run only once both exist: the session reads and writes after tunnel() returns.
  const stream: Duplex = new Duplex({
    read: () => ws.resume(),
    write: (chunk: Buffer, _encoding, callback) => {
      if (ws.send(chunk)) callback();
      else ws.onDrain(() => callback());
    },
    final: (callback) => {
      ws.close();
      callback();
    },
  });
  const ws: WebSocket = acceptWebSocket(request, upgraded, head, tunnelProtocol, {
    message: (data, binary) => {
      if (binary && !stream.push(data)) ws.pause();
    },
    closed: () => {
      stream.push(null);
      stream.destroy();
    },
  });
  return stream;
}

function acceptSpdy(request: IncomingMessage, upgraded: Duplex): void {
  const offered = String(request.headers['x-stream-protocol-version'] ?? '').split(',').map((each) => each.trim()).filter((each) => each !== '');
  if (offered.length > 0 && !offered.includes(streamProtocol)) {
    throw new ApiError(403, 'Forbidden', `unable to upgrade: unable to negotiate protocol: client supports ${JSON.stringify(offered)}, server supports ["${streamProtocol}"]`);
  }
  upgraded.write(['HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade', 'Upgrade: SPDY/3.1', `X-Stream-Protocol-Version: ${streamProtocol}`, '', ''].join('\r\n'));
}

/** Serves a port-forward upgrade for `pod`; throws an ApiError (answered as a Status) before upgrading when it cannot. */
export function servePortForward(request: IncomingMessage, upgraded: Duplex, head: Buffer, query: URLSearchParams, pod: Pod, ports: ContainerPorts): void {
  if (pod.status?.phase !== 'Running') throw badRequest(`unable to upgrade connection: pod ${pod.metadata.name ?? ''} is not running`);
  if (isWebSocketRequest(request)) {
    const offered = offeredProtocols(request);
    if (offered.includes(tunnelProtocol)) {
      forwardOverSpdy(tunnel(request, upgraded, head), pod, ports);
      return;
    }
    const protocol = offered.find((each) => channelProtocols.includes(each));
    if (protocol === undefined && offered.length > 0) throw badRequest(`unable to upgrade: none of the offered subprotocols ${JSON.stringify(offered)} is supported`);
    forwardOverChannels(request, upgraded, head, protocol ?? '', pod, requestedPorts(query), ports);
    return;
  }
  if ((request.headers.upgrade ?? '').toLowerCase() === 'spdy/3.1') {
    acceptSpdy(request, upgraded);
    if (head.length > 0) upgraded.unshift(head);
    forwardOverSpdy(upgraded, pod, ports);
    return;
  }
  throw badRequest('Upgrade request required');
}
