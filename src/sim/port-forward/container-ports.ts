/**
 * What listens inside a simulated pod: behind each declared container port of a running
 * container, a tiny HTTP server that names the pod and container (so a browser through a forward
 * shows something real) and echoes any request body (so a forward's bytes can be checked both
 * ways). Connections are in-memory stream pairs fed to one HTTP server; nothing listens on the host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { duplexPair, type Duplex } from 'node:stream';
import type { Pod } from '../objects.ts';

interface Target {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly port: number;
}

export type PortConnection = { readonly ok: true; readonly socket: Duplex } | { readonly ok: false; readonly message: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(target: Target): string {
  const title = `${escapeHtml(target.namespace)}/${escapeHtml(target.pod)}`;
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body>\n<h1>${title}</h1>\n<p>container <b>${escapeHtml(target.container)}</b>, port ${target.port}: a simulated pod of the Kubernetes Workbench sim.</p>\n</body></html>\n`;
}

/** The container of a running pod that declares `port`, if any. */
export function containerOnPort(pod: Pod, port: number): string | undefined {
  if (pod.status?.phase !== 'Running') return undefined;
  const running = new Set((pod.status.containerStatuses ?? []).filter((status) => status.state?.running !== undefined).map((status) => status.name));
  return pod.spec.containers.find((container) => running.has(container.name) && (container.ports ?? []).some((declared) => declared.containerPort === port))?.name;
}

export class ContainerPorts {
  private readonly server: Server;
  private readonly targets = new WeakMap<Duplex, Target>();
  private readonly open = new Set<Duplex>();

  constructor() {
    this.server = createServer((request, response) => this.respond(request, response));
  }

  /** A connection to `port` of `pod`, or kubelet's words for why there is none. */
  connect(pod: Pod, port: number): PortConnection {
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    const container = containerOnPort(pod, port);
    if (container === undefined) {
      // kubelet (containerd) fails the dial inside the pod's network namespace.
      return { ok: false, message: `error forwarding port ${port} to pod ${pod.metadata.uid ?? name}, uid : failed to connect to localhost:${port} inside namespace "${namespace}/${name}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused` };
    }
    const [outside, inside] = duplexPair();
    this.targets.set(inside, { namespace, pod: name, container, port });
    this.open.add(outside);
    outside.once('close', () => this.open.delete(outside));
    this.server.emit('connection', inside);
    return { ok: true, socket: outside };
  }

  /** Ends every open connection (the sim is closing). */
  dispose(): void {
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  private respond(request: IncomingMessage, response: ServerResponse): void {
    const target = this.targets.get(request.socket);
    if (target === undefined) {
      response.writeHead(500).end();
      return;
    }
    if (request.method === 'POST' || request.method === 'PUT') {
      // The body's own length when it was given: the echo then goes out without chunk framing.
      const length = request.headers['content-length'];
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', ...(length === undefined ? {} : { 'Content-Length': length }) });
      request.pipe(response);
      return;
    }
    request.resume();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : page(target));
  }
}
