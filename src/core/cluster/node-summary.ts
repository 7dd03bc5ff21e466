// What the Explorer and `kube-workbench health` say about a node: its health, how many pods it runs
// against its capacity, and how much of its allocatable CPU and memory those pods request.
import { formatAge, judgeNodeHealth, type HealthJudgement, type NodeLease } from './health.ts';
import type { SlimNode } from './node-model.ts';
import type { SlimPod } from './pod-model.ts';

export interface NodeSummary {
  readonly health: HealthJudgement;
  /** Pods holding resources on the node (not Succeeded or Failed), as the scheduler counts them. */
  readonly pods: number;
  readonly podCapacity: number;
  readonly requestedCpu: number;
  readonly requestedMemoryBytes: number;
  /** requested / allocatable, 0 when the node reports no allocatable. */
  readonly cpuFraction: number;
  readonly memoryFraction: number;
}

export function summarizeNode(node: SlimNode, lease: NodeLease, pods: readonly SlimPod[], nowMs: number): NodeSummary {
  let count = 0;
  let cpu = 0;
  let memory = 0;
  for (const pod of pods) {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') continue;
    count += 1;
    cpu += pod.requestCpu;
    memory += pod.requestMemoryBytes;
  }
  const { allocatable } = node;
  return {
    health: judgeNodeHealth(node, lease, nowMs),
    pods: count,
    podCapacity: allocatable.pods,
    requestedCpu: cpu,
    requestedMemoryBytes: memory,
    cpuFraction: allocatable.cpu > 0 ? cpu / allocatable.cpu : 0,
    memoryFraction: allocatable.memoryBytes > 0 ? memory / allocatable.memoryBytes : 0,
  };
}

/** Where a node stands, worst first: what the Explorer sorts, counts and colours nodes by. */
export type NodeStanding = 'Unknown' | 'NotReady' | 'Pressure' | 'Cordoned' | 'Ready';

export function nodeStanding(health: HealthJudgement): NodeStanding {
  if (health.health !== 'Ready') return health.health;
  if (health.pressures.length > 0) return 'Pressure';
  return health.unschedulable ? 'Cordoned' : 'Ready';
}

/** Sort order: a lost node first, then a failing one, then one that is short of something or cordoned (both still run pods). */
export const standingRank: Readonly<Record<NodeStanding, number>> = { Unknown: 0, NotReady: 1, Pressure: 2, Cordoned: 2, Ready: 3 };

const standingCountLabels: Readonly<Record<Exclude<NodeStanding, 'Ready'>, string>> = {
  Unknown: 'Unknown',
  NotReady: 'NotReady',
  Pressure: 'under pressure',
  Cordoned: 'cordoned',
};

/** The Nodes row: "50 · 1 Unknown · 2 cordoned", worst first; `counts` holds the nodes that are not Ready. */
export function nodesDescription(total: number, counts: ReadonlyMap<NodeStanding, number>): string {
  const parts = [String(total)];
  for (const standing of ['Unknown', 'NotReady', 'Pressure', 'Cordoned'] as const) {
    const count = counts.get(standing) ?? 0;
    if (count > 0) parts.push(`${count} ${standingCountLabels[standing]}`);
  }
  return parts.join(' · ');
}

/**
 * A node row's description, its state word first and short enough for the default sidebar width:
 * "Ready · 12 pods · cpu 63%", "Unknown · 75 s ago · 12 pods", "DiskPressure · 12 pods". The
 * details (capacity, memory, taints) are the tooltip's.
 */
export function nodeDescription(summary: NodeSummary): string {
  const { health } = summary;
  const standing = nodeStanding(health);
  const pods = `${summary.pods} ${summary.pods === 1 ? 'pod' : 'pods'}`;
  switch (standing) {
    case 'Unknown':
      return health.heartbeatAgeSeconds === undefined ? `Unknown · ${pods}` : `Unknown · ${formatAge(health.heartbeatAgeSeconds)} · ${pods}`;
    case 'Pressure':
      return `${health.pressures[0]}${health.pressures.length > 1 ? ` +${health.pressures.length - 1}` : ''} · ${pods}`;
    default:
      return `${standing} · ${pods} · cpu ${Math.round(summary.cpuFraction * 100)}%`;
  }
}
