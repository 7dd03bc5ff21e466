import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { readOnlyContextName } from '../kubeconfig.ts';
import { kubectlSuite, type KubectlSuite } from '../test-helpers.ts';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: server
        image: nginx:1.27
        ports: [{containerPort: 80}]
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

interface Forward {
  readonly child: ChildProcess;
  /** All stderr so far. */
  stderr(): string;
  stop(): void;
}

/** Starts `kubectl port-forward` and resolves once it prints that it listens. */
function portForward(suite: KubectlSuite, args: readonly string[], env: Record<string, string> = {}): Promise<Forward> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/kubectl', ['port-forward', ...args], { env: { HOME: suite.home, KUBECONFIG: suite.sim.kubeconfigPath, PATH: process.env['PATH'] ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    const forward: Forward = { child, stderr: () => stderr, stop: () => child.kill() };
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`kubectl port-forward did not start: ${stdout}${stderr}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes('Forwarding from 127.0.0.1')) return;
      clearTimeout(timer);
      resolve(forward);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kubectl port-forward exited with ${String(code)}: ${stderr}`));
    });
  });
}

function httpCall(port: number, method: string, body?: Buffer): Promise<{ status: number; body: Buffer }> {
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

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('kubectl port-forward against the sim', () => {
  const suite = kubectlSuite('/usr/bin/kubectl', { nodes: 2 });
  let pod = '';

  it('forwards a declared port to a responder naming the pod and container (WebSocket tunnel)', async () => {
    const path = `${suite.home}/web.yaml`;
    await writeFile(path, deployment);
    await suite.ok('apply', '-f', path);
    await suite.ok('wait', '--for=condition=Ready', 'pod', '-l', 'app=web', '--timeout=30s');
    pod = (await suite.ok('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    const local = await freePort();
    const forward = await portForward(suite, [`pod/${pod}`, `${local}:80`]);
    try {
      const reply = await httpCall(local, 'GET');
      assert.equal(reply.status, 200);
      assert.match(reply.body.toString(), new RegExp(`default/${pod}`));
      assert.match(reply.body.toString(), /container <b>server<\/b>, port 80/);
    } finally {
      forward.stop();
    }
  });

  for (const [protocol, env] of [['WebSocket tunnel', {}], ['SPDY fallback', { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' }]] as const) {
    it(`carries 10 MB both ways intact (${protocol})`, async () => {
      const local = await freePort();
      const forward = await portForward(suite, [`pod/${pod}`, `${local}:80`], env);
      try {
        const payload = randomBytes(10 * 1024 * 1024);
        const reply = await httpCall(local, 'POST', payload);
        assert.equal(reply.body.length, payload.length);
        assert.equal(sha(reply.body), sha(payload));
      } finally {
        forward.stop();
      }
    });
  }

  it('reports kubelet\'s error for a port no container declares', async () => {
    const local = await freePort();
    const forward = await portForward(suite, [`pod/${pod}`, `${local}:9999`]);
    try {
      await httpCall(local, 'GET').catch(() => undefined);
      const exited = await new Promise<number | null>((resolve) => forward.child.once('exit', resolve));
      assert.notEqual(exited, 0);
      assert.match(forward.stderr(), /error forwarding port 9999 to pod .*connection refused/);
    } finally {
      forward.stop();
    }
  });

  it('is forbidden for the read-only user, naming the verb', async () => {
    const result = await suite.run('--context', readOnlyContextName, 'port-forward', `pod/${pod}`, `${await freePort()}:80`);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /cannot create resource "pods\/portforward"/);
  });
});
