/**
 * For port-forward tests and benchmarks: a Deployment `echo` (one replica, container `echo` declaring
 * port `http`) and a Service `echo` (port 80 → targetPort `http`) in a running sim, returned once
 * its pod is Ready. The container's responder names the pod and echoes request bodies. Also the
 * client side those tests share: a request through a forward's local port, and whether it listens.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import type { Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

export const ECHO_PORT = 18437;
export const ECHO_NAMESPACE = 'default';

interface PodItem {
  metadata: { name: string; deletionTimestamp?: string };
  status?: { conditions?: { type: string; status: string }[] };
}

/** The names of the echo pods that are Ready and not being deleted. */
export async function readyEchoPods(sim: Sim): Promise<string[]> {
  const reply = await call(sim, `/api/v1/namespaces/${ECHO_NAMESPACE}/pods?labelSelector=app%3Decho`);
  const items = (reply.json['items'] ?? []) as PodItem[];
  return items.filter((pod) => pod.metadata.deletionTimestamp === undefined && (pod.status?.conditions ?? []).some((each) => each.type === 'Ready' && each.status === 'True')).map((pod) => pod.metadata.name);
}

async function create(sim: Sim, path: string, body: unknown): Promise<void> {
  const reply = await call(sim, path, { method: 'POST', body: JSON.stringify(body) });
  if (reply.status !== 201) throw new Error(`POST ${path}: ${reply.status} ${reply.text}`);
}

export async function deployEcho(sim: Sim): Promise<void> {
  const labels = { app: 'echo' };
  const container = { name: 'echo', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: ECHO_PORT }] };
  await create(sim, `/apis/apps/v1/namespaces/${ECHO_NAMESPACE}/deployments`, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'echo', namespace: ECHO_NAMESPACE }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } } });
  await create(sim, `/api/v1/namespaces/${ECHO_NAMESPACE}/services`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo', namespace: ECHO_NAMESPACE }, spec: { selector: labels, ports: [{ name: 'web', port: 80, targetPort: 'http' }] } });
  // The sim's kubelet starts pods in real time (a few seconds): poll, bounded.
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if ((await readyEchoPods(sim)).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the echo pod did not become Ready in 30 s');
}

export interface HttpReply {
  readonly status: number;
  readonly body: Buffer;
}

/** One HTTP/1.1 request to 127.0.0.1:port on its own connection (a forward's local end). */
export function httpThrough(port: number, method = 'GET', body?: Buffer): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path: '/', agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
