// The Explorer in the real extension host on the 5,000-node / 150,000-pod simulated cluster: time
// from opening the view to the first node rows, and getChildren (+ getTreeItem of every child) p99
// over all nodes and their pods, answered from the slim cache.
import { EXPLORER_TIMING } from '../harness/report-marker.ts';
import { runHostEntry } from './host-entry.ts';
import type { Bench } from './report.ts';
import { startSimProcess } from './sim-process.ts';

const NODES = Number(process.env['KWB_BENCH_NODES'] ?? 5000);
const PODS = Number(process.env['KWB_BENCH_PODS'] ?? 150_000);

interface Timing {
  readonly firstNodesMs: number;
  readonly syncedMs: number;
  readonly p99: number;
  readonly calls: number;
  readonly itemP99: number;
  readonly items: number;
  readonly pods: number;
}

export const bench: Bench = {
  name: `explorer (${NODES} nodes, ${PODS} pods)`,
  async run(report) {
    const sim = await startSimProcess(NODES, PODS);
    try {
      const [timing] = await runHostEntry<Timing>('explorer-timing', EXPLORER_TIMING, 1, { KUBECONFIG: sim.kubeconfigPath });
      if (timing === undefined || timing.pods !== PODS) throw new Error(`the Explorer synced ${timing?.pods} pods, expected ${PODS}`);
      report({ name: 'open the view → first node rows', value: timing.firstNodesMs, unit: 'ms', target: { op: '<', value: 1000 } });
      report({ name: 'open the view → all pods synced', value: timing.syncedMs, unit: 'ms' });
      report({ name: `getChildren p99 over ${timing.calls} calls (nodes pages and each node's pods)`, value: timing.p99, unit: 'ms', target: { op: '<', value: 1 } });
      report({ name: `getTreeItem p99 over ${timing.items} rows (nodes with health and totals, pods)`, value: timing.itemP99, unit: 'ms', target: { op: '<', value: 1 } });
    } finally {
      sim.stop();
    }
  },
};
