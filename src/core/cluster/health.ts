// Node health from heartbeats, judged as the node lifecycle controller does
// (pkg/controller/nodelifecycle): the newest of the node Lease's renewTime and the Ready condition's
// lastHeartbeatTime is the last sign of life; past the grace period the node is Unknown, whatever its
// last reported condition says. Time comes in as an argument.
import type { SlimLease } from './lease-model.ts';
import type { SlimNode } from './node-model.ts';

export type NodeHealth = 'Ready' | 'NotReady' | 'Unknown';

/** kube-controller-manager's --node-monitor-grace-period default (50 s since Kubernetes 1.32). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;

/** Conditions that are bad news when True. */
const PRESSURE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'];

export interface HealthJudgement {
  readonly health: NodeHealth;
  /** Why, in a few words a user understands. */
  readonly reason: string;
  /** Seconds since the last heartbeat; undefined when the node never reported one. */
  readonly heartbeatAgeSeconds: number | undefined;
  /** 'pending': the Leases are still being listed. */
  readonly heartbeatSource: 'lease' | 'condition' | 'none' | 'pending';
  /** The lease has expired (older than leaseDurationSeconds) but the grace period has not run out. */
  readonly late: boolean;
  /** How far the heartbeat lies in the future of `now` (clocks out of step), else 0. */
  readonly clockSkewSeconds: number;
  /** Pressure conditions that are True: MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable. */
  readonly pressures: readonly string[];
  readonly unschedulable: boolean;
  /** Taints as kubectl prints them: key=value:Effect. */
  readonly taints: readonly string[];
}

/**
 * A node's Lease, or 'pending' while the Leases are still being listed: a kubelet that has a Lease
 * renews its Ready condition only every 5 minutes, so judged by that alone it would read Unknown.
 */
export type NodeLease = SlimLease | 'pending' | undefined;

export function judgeNodeHealth(
  node: SlimNode,
  nodeLease: NodeLease,
  nowMs: number,
  gracePeriodMs: number = NODE_MONITOR_GRACE_PERIOD_MS,
): HealthJudgement {
  const ready = node.conditions.find((condition) => condition.type === 'Ready');
  const pending = nodeLease === 'pending';
  const lease = pending ? undefined : nodeLease;
  const leaseMs = lease?.renewMs;
  const conditionMs = ready?.lastHeartbeatMs;
  const heartbeatMs = Math.max(leaseMs ?? -Infinity, conditionMs ?? -Infinity);
  // Until the Leases are read, the heartbeat is not known: the node stands by its Ready condition.
  const known = !pending && Number.isFinite(heartbeatMs);
  const rawAgeMs = known ? nowMs - heartbeatMs : 0;
  const ageMs = Math.max(0, rawAgeMs);
  const base = {
    heartbeatAgeSeconds: known ? Math.floor(ageMs / 1000) : undefined,
    heartbeatSource: pending ? 'pending' : !known ? 'none' : leaseMs !== undefined && leaseMs >= (conditionMs ?? -Infinity) ? 'lease' : 'condition',
    late: known && lease !== undefined && lease.durationSeconds > 0 && ageMs > lease.durationSeconds * 1000,
    clockSkewSeconds: Math.floor(Math.max(0, -rawAgeMs) / 1000),
    pressures: node.conditions.filter((condition) => PRESSURE_CONDITIONS.includes(condition.type) && condition.status === 'True').map((condition) => condition.type),
    unschedulable: node.unschedulable,
    taints: node.taints.map((taint) => `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`),
  } as const;

  if (known && ageMs > gracePeriodMs) {
    return { ...base, health: 'Unknown', reason: `no heartbeat for ${Math.floor(ageMs / 1000)} s (grace period ${gracePeriodMs / 1000} s)` };
  }
  if (ready === undefined) return { ...base, health: 'Unknown', reason: 'the node reports no Ready condition' };
  const detail = [ready.reason, ready.message].filter((part) => part !== '').join(': ');
  switch (ready.status) {
    case 'True':
      return { ...base, health: 'Ready', reason: base.pressures.length > 0 ? base.pressures.join(', ') : 'kubelet is posting ready status' };
    case 'False':
      return { ...base, health: 'NotReady', reason: detail || 'the kubelet reports NotReady' };
    case 'Unknown':
      return { ...base, health: 'Unknown', reason: detail || 'the node controller lost contact with the kubelet' };
  }
}

/** "12 s ago", "3 min ago", "2 h ago": the Explorer's heartbeat age. */
export function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 2 * 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 2 * 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
