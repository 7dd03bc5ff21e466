import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { readOnlyContextName } from '../../sim/kubeconfig.ts';
import { accepts, deployEcho, ECHO_NAMESPACE, ECHO_PORT, httpThrough, readyEchoPods } from '../../sim/port-forward/echo-workload.ts';
import { startSim, type Sim } from '../../sim/sim.ts';
import { call } from '../../sim/test-helpers.ts';
import { loadKubeconfig } from '../kubeconfig-loader.ts';
import { PortForwardManager } from './port-forward-manager.ts';
import type { ForwardState } from './port-forward.ts';

const context = 'kube-workbench-sim';
const namespace = ECHO_NAMESPACE;
const appPort = ECHO_PORT;

let sim: Sim;
const kubeconfig = (): ReturnType<typeof loadKubeconfig> => loadKubeconfig([sim.kubeconfigPath]);
const readyPods = (): Promise<string[]> => readyEchoPods(sim);

before(async () => {
  sim = await startSim({ nodes: 2, log: () => undefined });
  await deployEcho(sim);
});
after(() => sim.close());

const post = async (port: number, body: Buffer): Promise<Buffer> => (await httpThrough(port, 'POST', body)).body;
const getText = async (port: number): Promise<string> => (await httpThrough(port)).body.toString();

/** The first state change that satisfies `test`, failing after `ms`. */
function nextState(manager: PortForwardManager, test: (state: ForwardState) => boolean, ms: number): Promise<ForwardState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no matching forward state within ${ms} ms`));
    }, ms);
    const subscription = manager.onDidChange((state) => {
      if (!test(state)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(state);
    });
  });
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('PortForwardManager against the sim', () => {
  it('carries 10 MB both ways intact through a Service\'s named targetPort, counting bytes and connections', async () => {
    const manager = new PortForwardManager({ kubeconfig });
    try {
      const started = await manager.start({ context, target: { kind: 'Service', namespace, name: 'echo' }, remotePort: 80, localPort: 0 });
      assert.ok(started.ok, started.ok ? '' : started.error.message);
      assert.equal(started.value.podPort, appPort);
      const payload = randomBytes(10 * 1024 * 1024);
      const echoed = await post(started.value.localPort, payload);
      assert.equal(echoed.length, payload.length);
      assert.equal(sha(echoed), sha(payload));
      const [state] = manager.list();
      assert.equal(state?.totalConnections, 1);
      assert.ok((state?.bytesOut ?? 0) > payload.length, 'the request and its body went out');
      assert.ok((state?.bytesIn ?? 0) > payload.length, 'the response and its body came back');
    } finally {
      manager.dispose();
    }
  });

  it('takes the remote port locally when free, another one when it is taken', async () => {
    const manager = new PortForwardManager({ kubeconfig });
    try {
      const first = await manager.start({ context, target: { kind: 'Deployment', namespace, name: 'echo' }, remotePort: appPort });
      assert.ok(first.ok, first.ok ? '' : first.error.message);
      assert.equal(first.value.localPort, appPort);
      const second = await manager.start({ context, target: { kind: 'Deployment', namespace, name: 'echo' }, remotePort: 'http' });
      assert.ok(second.ok, second.ok ? '' : second.error.message);
      assert.notEqual(second.value.localPort, appPort);
      assert.match(await getText(second.value.localPort), /container <b>echo<\/b>/);
    } finally {
      manager.dispose();
    }
  });

  it('survives its pod\'s deletion: re-resolved to the new ready pod within 5 s, on the same local port', async () => {
    const manager = new PortForwardManager({ kubeconfig });
    try {
      const started = await manager.start({ context, target: { kind: 'Deployment', namespace, name: 'echo' }, remotePort: appPort, localPort: 0 });
      assert.ok(started.ok, started.ok ? '' : started.error.message);
      const old = started.value.pod ?? '';
      assert.match(await getText(started.value.localPort), new RegExp(old));
      const moved = nextState(manager, (state) => state.phase === 'active' && state.pod !== old, 5000);
      const reconnecting = nextState(manager, (state) => state.phase === 'reconnecting', 5000);
      assert.equal((await call(sim, `/api/v1/namespaces/${namespace}/pods/${old}`, { method: 'DELETE' })).status, 200);
      assert.match((await reconnecting).message ?? '', new RegExp(`pod ${old} stopped serving`));
      const now = await moved;
      assert.equal(now.reconnects, 1);
      assert.equal(now.localPort, started.value.localPort);
      assert.match(await getText(now.localPort), new RegExp(now.pod ?? 'no pod'));
    } finally {
      manager.dispose();
    }
  });

  it('is forbidden for the read-only user, naming the verb, and listens on nothing', async () => {
    const manager = new PortForwardManager({ kubeconfig });
    try {
      const started = await manager.start({ context: readOnlyContextName, target: { kind: 'Service', namespace, name: 'echo' }, remotePort: 80, localPort: 0 });
      assert.ok(!started.ok);
      assert.equal(started.error.kind, 'forbidden');
      assert.match(started.error.message, /create pods\/portforward is forbidden/);
      assert.deepEqual(manager.list(), []);
    } finally {
      manager.dispose();
    }
  });

  it('refuses to start on a Service port the Service lacks, a missing pod or a workload with no ready pod', async () => {
    const manager = new PortForwardManager({ kubeconfig });
    try {
      const noPort = await manager.start({ context, target: { kind: 'Service', namespace, name: 'echo' }, remotePort: 81, localPort: 0 });
      assert.ok(!noPort.ok);
      assert.equal(noPort.error.message, 'service/echo in default has no port 81 (it has 80)');
      const noPod = await manager.start({ context, target: { kind: 'Pod', namespace, name: 'nowhere' }, remotePort: 80, localPort: 0 });
      assert.ok(!noPod.ok);
      assert.equal(noPod.error.kind, 'notFound');
      const idle = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'idle', namespace }, spec: { replicas: 0, selector: { matchLabels: { app: 'idle' } }, template: { metadata: { labels: { app: 'idle' } }, spec: { containers: [{ name: 'idle', image: 'nginx:1.27' }] } } } };
      assert.equal((await call(sim, `/apis/apps/v1/namespaces/${namespace}/deployments`, { method: 'POST', body: JSON.stringify(idle) })).status, 201);
      const noReady = await manager.start({ context, target: { kind: 'Deployment', namespace, name: 'idle' }, remotePort: 80, localPort: 0 });
      assert.ok(!noReady.ok);
      assert.equal(noReady.error.message, 'no ready pod behind deployment/idle in default');
      assert.deepEqual(manager.list(), []);
    } finally {
      manager.dispose();
    }
  });

  it('reports a port no container declares on the forward\'s state', async () => {
    const manager = new PortForwardManager({ kubeconfig });
    try {
      const started = await manager.start({ context, target: { kind: 'Deployment', namespace, name: 'echo' }, remotePort: 9999, localPort: 0 });
      assert.ok(started.ok, started.ok ? '' : started.error.message);
      const reported = nextState(manager, (state) => state.openConnections === 0 && state.message !== undefined, 5000);
      await getText(started.value.localPort).catch(() => '');
      assert.match((await reported).message ?? '', /port 9999 .*connection refused/);
    } finally {
      manager.dispose();
    }
  });

  it('frees the port on stop, and leaves nothing listening once disposed', async () => {
    const manager = new PortForwardManager({ kubeconfig });
    const one = await manager.start({ context, target: { kind: 'Pod', namespace, name: (await readyPods())[0] ?? '' }, remotePort: appPort, localPort: 0 });
    const two = await manager.start({ context, target: { kind: 'Service', namespace, name: 'echo' }, remotePort: 'web', localPort: 0 });
    assert.ok(one.ok && two.ok);
    assert.ok(await accepts(one.value.localPort));
    const stopped = nextState(manager, (state) => state.id === one.value.id && state.phase === 'stopped', 1000);
    assert.equal(manager.stop(one.value.id), true);
    await stopped;
    assert.equal(await accepts(one.value.localPort), false);
    assert.deepEqual(manager.list().map((state) => state.id), [two.value.id]);
    manager.dispose();
    assert.equal(await accepts(two.value.localPort), false);
    assert.deepEqual(manager.list(), []);
    const late = await manager.start({ context, target: { kind: 'Service', namespace, name: 'echo' }, remotePort: 80, localPort: 0 });
    assert.ok(!late.ok);
  });
});
