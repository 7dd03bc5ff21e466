import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { namespacedContextName } from '../sim/kubeconfig.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import { call } from '../sim/test-helpers.ts';
import { fitCommand } from './fit.ts';
import { terminalLines } from '../core/text/terminal-text.ts';
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

  it('fails in one line with exit 2 for bad arguments and a manifest without workloads', async () => {
    const cases: [string[], RegExp][] = [
      [[], /give exactly one manifest FILE/],
      [['a.yaml', '--snapshot', snap, '--context', 'prod'], /give --snapshot or --kubeconfig\/--context, not both/],
      [['a.yaml', 'b.yaml', '--snapshot', snap], /give exactly one manifest FILE/],
      [['a.yaml', '--snapshot', snap, '--format', 'xml'], /--format must be table or json/],
      [[join(folder, 'missing.yaml'), '--snapshot', snap], /cannot read .*missing\.yaml: ENOENT/],
      [[file('svc.yaml', 'kind: Service\nmetadata: {name: s}\n'), '--snapshot', snap], /no workload with a replica count found/],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      assert.equal(result.code, ExitCode.usage, args.join(' '));
      assert.match(result.stderr, message);
      assert.match(result.stderr, /^[^\n]+\n$/, 'one line');
    }
    assert.match((await run('--help')).stdout, /^Usage: kube-workbench fit/);
  });

  it('says what is wrong with a snapshot that is not a List of Nodes, exit 2', async () => {
    const manifest = file('ok.yaml', deployment('ok', 1, '100m'));
    const cases: [string, string][] = [
      ['null', 'not a List of Nodes and Pods but null'],
      ['"hello"', 'not a List of Nodes and Pods but a JSON string'],
      ['[1]', 'not a List of Nodes and Pods but a JSON array'],
      ['{"kind":"List","items":"x"}', 'not a List of Nodes and Pods but a List'],
      ['{"kind":"List","items":[]}', 'holds no Node (0 items); nothing to fit onto'],
      ['{"kind":"Deployment"}', 'holds no Node (a Deployment); nothing to fit onto'],
      ['hello', 'not JSON'],
    ];
    for (const [text, message] of cases) {
      const path = file('bad-snap.json', text);
      const result = await run(manifest, '--snapshot', path);
      assert.equal(result.code, ExitCode.usage, text);
      assert.ok(result.stderr.startsWith(`kube-workbench fit: ${path}: ${message}`), result.stderr);
      assert.match(result.stderr, /^[^\n]+\n$/);
      assert.doesNotMatch(result.stderr, /\bat .*\.ts:\d+|Cannot read properties/);
    }
  });

  it('refuses replica counts that are not whole numbers instead of counting them as 1, exit 2', async () => {
    for (const value of ['-5', 'many', '2.5']) {
      const result = await run(file('replicas.yaml', deployment('web', 1, '100m').replace('replicas: 1', `replicas: ${value}`)), '--snapshot', snap);
      assert.equal(result.code, ExitCode.usage, value);
      assert.match(result.stderr, new RegExp(`Deployment/shop/web: spec\\.replicas must be a whole number from 0, not "?${value.replace('.', '\\.')}"?; not checked\n$`));
    }
    const mixed = await run(file('mixed.yaml', `${deployment('good', 1, '100m')}---\n${deployment('bad', 1, '100m').replace('replicas: 1', 'replicas: -1')}`), '--snapshot', snap, '--format', 'json');
    assert.equal(mixed.code, ExitCode.usage);
    assert.equal(JSON.parse(mixed.stdout).workload, 'shop/good');
  });

  it('refuses a manifest over 5 MB at once, reading no more than the bound', async () => {
    // A sparse file: a gigabyte to read, no disk used.
    const manifest = file('huge-manifest.yaml', '');
    truncateSync(manifest, 1024 ** 3);
    const started = performance.now();
    const rss = process.memoryUsage().rss;
    const result = await run(manifest, '--snapshot', snap);
    assert.equal(result.code, ExitCode.usage);
    assert.equal(result.stderr, `kube-workbench fit: ${manifest}: larger than 5 MB\n`);
    assert.ok(performance.now() - started < 2000, 'a moment, not the seconds a gigabyte takes');
    assert.ok(process.memoryUsage().rss - rss < 100 * 1024 * 1024, 'the bound, not a gigabyte and its string');
  });

  it('escapes terminal control characters from names in the table and the notes', async () => {
    const evil = deployment('web', 9, '1').replace('{name: web, namespace: shop}', '{name: "web\\e]0;owned\\a\\e[2J", namespace: shop}');
    const result = await run(file('evil.yaml', evil), '--snapshot', snap);
    assert.equal(result.code, ExitCode.failure);
    const output = result.stdout + result.stderr;
    assert.equal(terminalLines(output), output, 'no control character left');
    assert.match(result.stdout, /Deployment\/shop\/web\\x1B\]0;owned\\x07\\x1B\[2J/);
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
