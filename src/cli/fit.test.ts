import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { namespacedContextName } from '../sim/kubeconfig.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import { call } from '../sim/test-helpers.ts';
import { fitCommand } from './fit.ts';
import { ExitCode } from './main.ts';
import { runCaptured, type Captured } from './run-captured.ts';

const folder = mkdtempSync(join(tmpdir(), 'kwb-fit-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

function nodeObject(name: string, cpu: string, memory: string, extra: Record<string, unknown> = {}) {
  return { kind: 'Node', metadata: { name, labels: { disk: 'ssd' } }, spec: extra, status: { allocatable: { cpu, memory, pods: '110' } } };
}

// What `kubectl get nodes,pods -A -o json` prints: a List of Nodes and Pods.
const snapshot = JSON.stringify({
  apiVersion: 'v1',
  kind: 'List',
  items: [
    nodeObject('node-a', '4', '16Gi'),
    nodeObject('node-b', '4', '16Gi'),
    nodeObject('node-gpu', '32', '128Gi', { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }),
    { kind: 'Pod', metadata: { name: 'busy' }, spec: { nodeName: 'node-b', containers: [{ resources: { requests: { cpu: '3' } } }] }, status: { phase: 'Running' } },
    { kind: 'Pod', metadata: { name: 'done' }, spec: { nodeName: 'node-a', containers: [{ resources: { requests: { cpu: '4' } } }] }, status: { phase: 'Succeeded' } },
  ],
});

function deployment(name: string, replicas: number, cpu: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: ${replicas}
  template:
    spec:${extra}
      initContainers:
        - name: migrate
          resources: {requests: {cpu: 100m, memory: 2Gi}}
      containers:
        - name: app
          resources: {requests: {cpu: ${cpu}, memory: 1Gi}}
`;
}

/** A port nothing listens on: bound once, then closed. */
async function closedPortNumber(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const run = (...args: string[]): Promise<Captured> => runCaptured(fitCommand, args);

describe('kube-workbench fit', () => {
  const snap = file('snap.json', snapshot);

  it('prints the JSON answer for a workload that fits, finished pods not counted', async () => {
    const result = await run(file('small.yaml', deployment('web', 4, '500m')), '--snapshot', snap, '--format', 'json');
    assert.equal(result.code, ExitCode.ok, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      workload: 'shop/web',
      kind: 'Deployment',
      requested: 4,
      fits: 4,
      perNode: { 'node-a': 4 },
      blockedBy: null,
      neverFits: false,
    });
  });

  it('names the blocking resource and exits 1 when replicas do not fit', async () => {
    const result = await run(file('big.yaml', deployment('api', 6, '1')), '--snapshot', snap);
    assert.equal(result.code, ExitCode.failure);
    assert.match(result.stdout, /^WORKLOAD\s+REPLICAS\s+FIT\s+BLOCKED BY\s+PER NODE\n/);
    assert.match(result.stdout, /Deployment\/shop\/api\s+6\s+5\s+cpu\s+node-a: 4, node-b: 1\n/);
    assert.match(result.stdout, /0\/3 nodes are available: 1 node\(s\) had untolerated taint \{gpu: true\}, 2 Insufficient cpu\./);
  });

  it('says never when no node the pod may use is big enough, counting init containers', async () => {
    const tolerant = `
      tolerations: [{key: gpu, operator: Exists}]
      nodeSelector: {disk: ssd}`;
    const huge = deployment('huge', 1, '64', tolerant);
    const result = await run(file('huge.yaml', huge), '--snapshot', snap, '--format', 'json');
    const answer = JSON.parse(result.stdout) as { neverFits: boolean; blockedBy: string };
    assert.equal(answer.neverFits, true);
    assert.equal(answer.blockedBy, 'cpu');
    const initHeavy = deployment('init', 1, '100m').replace('memory: 2Gi', 'memory: 200Gi');
    const init = JSON.parse((await run(file('init.yaml', initHeavy), '--snapshot', snap, '--format', 'json')).stdout) as { neverFits: boolean; blockedBy: string };
    assert.deepEqual([init.neverFits, init.blockedBy], [true, 'memory']);
  });

  it('reports bad quantities and skips DaemonSets', async () => {
    const text = `${deployment('odd', 1, '"2 cores"')}---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec: {template: {spec: {containers: [{name: a}]}}}
`;
    const result = await run(file('odd.yaml', text), '--snapshot', snap, '--format', 'json');
    assert.match(result.stderr, /Deployment\/shop\/odd: containers\[0\]\.resources\.requests\.cpu: '2 cores' is not a quantity/);
    assert.match(result.stderr, /DaemonSet\/default\/agent: runs one pod per node; not checked/);
    assert.equal(result.code, ExitCode.ok);
  });

  it('throws usage errors for runCli (exit 2), and exits 2 for a manifest without workloads', async () => {
    await assert.rejects(run(), /give exactly one manifest FILE/);
    await assert.rejects(run('a.yaml', '--snapshot', snap, '--context', 'prod'), /give --snapshot or --kubeconfig\/--context, not both/);
    await assert.rejects(run('a.yaml', 'b.yaml', '--snapshot', snap), /give exactly one manifest FILE/);
    await assert.rejects(run('a.yaml', '--snapshot', snap, '--format', 'xml'), /--format must be table or json/);
    await assert.rejects(run(join(folder, 'missing.yaml'), '--snapshot', snap), /ENOENT/);
    const noWorkload = await run(file('svc.yaml', 'kind: Service\nmetadata: {name: s}\n'), '--snapshot', snap);
    assert.equal(noWorkload.code, ExitCode.usage);
    assert.match(noWorkload.stderr, /no workload with a replica count found/);
    assert.match((await run('--help')).stdout, /^Usage: kube-workbench fit/);
  });
});

describe('kube-workbench fit against a live cluster', () => {
  let sim: Sim;

  before(async () => {
    sim = await startSim({ nodes: 3, pods: 40, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  /** What `kubectl get nodes,pods -A -o json` would print for the sim now: list items carry their kind. */
  async function snapshotOfSim(): Promise<string> {
    const items: unknown[] = [];
    for (const [path, kind] of [['/api/v1/nodes', 'Node'], ['/api/v1/pods', 'Pod']] as const) {
      for (const item of (await call(sim, path)).json['items'] as Record<string, unknown>[]) items.push({ kind, ...item });
    }
    return file('sim-snap.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  }

  it('gives the same answer as the snapshot of the same cluster', async () => {
    const manifest = file('live.yaml', `${deployment('small', 3, '250m')}---\n${deployment('large', 200, '1')}`);
    const live = await run(manifest, '--kubeconfig', sim.kubeconfigPath, '--format', 'json');
    const snapshot = await run(manifest, '--snapshot', await snapshotOfSim(), '--format', 'json');
    assert.equal(live.stderr, '');
    assert.equal(live.code, ExitCode.failure);
    assert.equal(live.stdout, snapshot.stdout);
    const [small, large] = live.stdout.trim().split('\n').map((line) => JSON.parse(line) as { fits: number; requested: number; blockedBy: string | null });
    assert.deepEqual([small?.fits, small?.blockedBy], [3, null]);
    assert.ok((large?.fits ?? 200) < 200 && large?.blockedBy !== null, JSON.stringify(large));
  });

  it('fails in one line with exit 2 for an unknown context, a forbidden list and an unreachable server', async () => {
    const manifest = file('one.yaml', deployment('one', 1, '100m'));
    const unknown = await run(manifest, '--kubeconfig', sim.kubeconfigPath, '--context', 'nope');
    assert.equal(unknown.code, ExitCode.usage);
    assert.match(unknown.stderr, /^kube-workbench fit: no context "nope" in the kubeconfig \(contexts: .*kube-workbench-sim.*\)\n$/);
    const forbidden = await run(manifest, '--kubeconfig', sim.kubeconfigPath, '--context', namespacedContextName);
    assert.equal(forbidden.code, ExitCode.usage);
    assert.match(forbidden.stderr, /^kube-workbench fit: forbidden \(403\): not allowed to list nodes in context "kube-workbench-sim-team-a"[^\n]*\n$/);
    const closedPort = file('closed-kubeconfig', sim.kubeconfig.replace(sim.url, `https://127.0.0.1:${await closedPortNumber()}`));
    const unreachable = await run(manifest, '--kubeconfig', closedPort);
    assert.equal(unreachable.code, ExitCode.usage);
    assert.match(unreachable.stderr, /^kube-workbench fit: cannot reach context "kube-workbench-sim" \(list nodes\): ECONNREFUSED\n$/);
  });
});
