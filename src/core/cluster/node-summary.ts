// What the Explorer and `kube-workbench health` say about a node: its health, how many pods it runs
// against its capacity, and how much of its allocatable CPU and memory those pods request.
import { judgeNodeHealth, type HealthJudgement } from './health.ts';
import type { SlimLease } from './lease-model.ts';
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

export function summarizeNode(node: SlimNode, lease: SlimLease | undefined, pods: readonly SlimPod[], nowMs: number): NodeSummary {
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

/** "Ready · 12/110 pods · cpu 63% requested" */
export function nodeDescription(summary: NodeSummary): string {
  const parts = [summary.health.health, `${summary.pods}/${summary.podCapacity} pods`, `cpu ${Math.round(summary.cpuFraction * 100)}% requested`];
  if (summary.health.unschedulable) parts.push('cordoned');
  if (summary.health.pressures.length > 0) parts.push(summary.health.pressures.join(', '));
  return parts.join(' · ');
}
