// The cluster service on a 5,000-node / 150,000-pod simulated cluster: initial sync (paged lists of
// nodes, node Leases and pods into the slim cache) against merely downloading and parsing the same
// pages (list-download.ts: the limit of any client) and against `kubectl get pods -A --chunk-size=500
// -o name`; where the sync's time goes (the client's CPU, the sim's serving CPU); the cache's memory.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { promisify } from 'node:util';
import { collectionPath } from '../../src/cluster/kinds.ts';
import { DEFAULT_PAGE_SIZE } from '../../src/cluster/list-all.ts';
import { leaseType, nodeType, podType } from '../../src/cluster/resource-types.ts';
import { snapshotContext } from '../../src/cluster/snapshot.ts';
import type { Bench } from './report.ts';
import { downloadSeconds } from './list-download.ts';
import { startSimProcess } from './sim-process.ts';

const NODES = Number(process.env['KWB_BENCH_NODES'] ?? 5000);
const PODS = Number(process.env['KWB_BENCH_PODS'] ?? 150_000);

// Exact heap figures need a collection before each reading.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

async function kubectlSeconds(kubeconfig: string): Promise<number> {
  const home = mkdtempSync(`${tmpdir()}/kwb-bench-home-`);
  const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: home };
  const run = () => promisify(execFile)('kubectl', ['get', 'pods', '-A', '--chunk-size=500', '-o', 'name'], { env, maxBuffer: 256 * 1024 * 1024 });
  try {
    await promisify(execFile)('kubectl', ['get', 'nodes', '-o', 'name'], { env, maxBuffer: 64 * 1024 * 1024 }); // warms the discovery cache
    const started = performance.now();
    const { stdout } = await run();
    const seconds = (performance.now() - started) / 1000;
    const lines = stdout.split('\n').filter((line) => line !== '').length;
    if (lines !== PODS) throw new Error(`kubectl listed ${lines} pods, expected ${PODS}`);
    return seconds;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export const bench: Bench = {
  name: `cluster service (${NODES} nodes, ${PODS} pods)`,
  async run(report) {
    const sim = await startSimProcess(NODES, PODS);
    try {
      const kubectl = await kubectlSeconds(sim.kubeconfigPath);
      const download = await downloadSeconds(sim.kubeconfigPath, [collectionPath(nodeType), collectionPath(leaseType, leaseType.fixedNamespace)], collectionPath(podType), DEFAULT_PAGE_SIZE);
      if (download.items !== PODS) throw new Error(`downloaded ${download.items} pods, expected ${PODS}`);
      collect();
      const heapBefore = process.memoryUsage().heapUsed;
      const simCpuBefore = sim.cpuSeconds();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const snapshot = await snapshotContext({ kubeconfigPaths: [sim.kubeconfigPath], context: '', resources: ['nodes', 'leases', 'pods'], timeoutMs: 600_000 });
      const syncSeconds = (performance.now() - started) / 1000;
      const { user, system } = process.cpuUsage(cpuBefore);
      const simCpu = sim.cpuSeconds() - simCpuBefore;
      if (!snapshot.ok) throw new Error(snapshot.error.message);
      const connection = snapshot.value;
      if (connection.pods.size !== PODS || connection.nodes.size !== NODES) throw new Error(`synced ${connection.nodes.size} nodes, ${connection.pods.size} pods`);
      collect();
      const cacheMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      connection.dispose();
      report({
        name: 'initial sync: nodes, leases and pods into the slim cache',
        value: syncSeconds,
        unit: 's',
        baseline: { name: 'download and JSON.parse the same pages', value: download.seconds, target: { op: '<=', value: 1.3 } },
      });
      report({ name: 'kubectl get pods -A --chunk-size=500 -o name', value: kubectl, unit: 's', baseline: { name: 'initial sync', value: syncSeconds, target: { op: '>', value: 1 } } });
      // Both processes share the machine's cores: the sync is bound by the sum where they cannot overlap.
      report({ name: 'initial sync: client CPU (this process)', value: (user + system) / 1e6, unit: 's' });
      report({ name: 'initial sync: sim serving CPU (its own process)', value: simCpu, unit: 's' });
      report({ name: 'cache memory after sync (heap growth)', value: cacheMb, unit: 'MB', target: { op: '<', value: 300 } });
      report({ name: 'cache memory per pod', value: (cacheMb * 2 ** 20) / PODS, unit: 'bytes' });
    } finally {
      sim.stop();
    }
  },
};
