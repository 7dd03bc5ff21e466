import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { readOnlyContextName } from '../kubeconfig.ts';
import { kubectlSuite, type KubectlSuite } from '../test-helpers.ts';
import { deployEcho, ECHO_PORT, httpThrough } from './echo-workload.ts';

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

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('kubectl port-forward against the sim', () => {
  const suite = kubectlSuite('/usr/bin/kubectl', { nodes: 2 });
  let pod = '';

  it('forwards a declared port to a responder naming the pod and container (WebSocket tunnel)', async () => {
    await deployEcho(suite.sim);
    pod = (await suite.ok('get', 'pods', '-l', 'app=echo', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    const local = await freePort();
    const forward = await portForward(suite, [`pod/${pod}`, `${local}:${ECHO_PORT}`]);
    try {
      const reply = await httpThrough(local, 'GET');
      assert.equal(reply.status, 200);
      assert.match(reply.body.toString(), new RegExp(`default/${pod}`));
      assert.match(reply.body.toString(), new RegExp(`container <b>echo</b>, port ${ECHO_PORT}`));
    } finally {
      forward.stop();
    }
  });

  for (const [protocol, env] of [['WebSocket tunnel', {}], ['SPDY fallback', { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' }]] as const) {
    it(`carries 10 MB both ways intact (${protocol})`, async () => {
      const local = await freePort();
      const forward = await portForward(suite, [`pod/${pod}`, `${local}:${ECHO_PORT}`], env);
      try {
        const payload = randomBytes(10 * 1024 * 1024);
        const reply = await httpThrough(local, 'POST', payload);
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
      await httpThrough(local, 'GET').catch(() => undefined);
      const exited = await new Promise<number | null>((resolve) => forward.child.once('exit', resolve));
      assert.notEqual(exited, 0);
      assert.match(forward.stderr(), /error forwarding port 9999 to pod .*connection refused/);
    } finally {
      forward.stop();
    }
  });

  it('is forbidden for the read-only user, naming the verb', async () => {
    const result = await suite.run('--context', readOnlyContextName, 'port-forward', `pod/${pod}`, `${await freePort()}:${ECHO_PORT}`);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /cannot create resource "pods\/portforward"/);
  });
});
