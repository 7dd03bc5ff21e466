/**
 * The node lifecycle controller: a node whose Lease has not been renewed for the grace period
 * (--node-monitor-grace-period, 50 s since Kubernetes 1.32) gets its conditions set to Unknown
 * (reason NodeStatusUnknown) and the node.kubernetes.io/unreachable taints; pods on it are evicted
 * when their toleration of that taint runs out (300 s, what DefaultTolerationSeconds adds to every pod).
 */
import type { Condition, Lease, Node, Pod, Taint } from '../objects.ts';
import { markDisruptionTarget } from '../eviction.ts';
import { conditionOf, setCondition } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { modify, splitKey } from './environment.ts';
import { leaseNamespace } from './kubelet.ts';

export const gracePeriodMs = 50_000;
export const unreachableTaint = 'node.kubernetes.io/unreachable';
const defaultTolerationSeconds = 300;
/** --node-monitor-period is 5 s; checking every second makes "Unknown at 50 s" exact to a second. */
const monitorEveryMs = 1_000;
const conditionTypes = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** Seconds a pod tolerates the unreachable NoExecute taint; Infinity for a toleration without a limit. */
function toleratedSeconds(pod: Pod): number {
  const toleration = pod.spec.tolerations?.find(
    (each) => (each.key === unreachableTaint || (each.key === undefined && each.operator === 'Exists')) && (each.effect === undefined || each.effect === 'NoExecute'),
  );
  if (toleration === undefined) return defaultTolerationSeconds;
  return toleration.tolerationSeconds ?? Infinity;
}

export class NodeLifecycle {
  private readonly environment: ControllerEnvironment;
  /**
   * When this controller last saw each Lease change (its probeTimestamp): a heartbeat counts from
   * when it was observed, not from a renewTime written before the controller ran, so a slow start
   * (150,000 pods seeded on a busy machine) does not mark every node Unknown at once.
   */
  private readonly observed = new Map<string, { renewTime: string; at: number }>();
  private startedAt: number | undefined;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    environment.clock.setInterval(() => this.monitor(), monitorEveryMs);
  }

  private monitor(): void {
    const { store, types, clock } = this.environment;
    const now = clock.now();
    // Nodes there at the first tick were registered before the sim "started" (their events long expired).
    const firstTick = this.startedAt === undefined;
    // The first tick stands for the period before it, so a lease renewed at start counts from start.
    this.startedAt ??= now - monitorEveryMs;
    for (const { object } of [...store.scan(types.node)]) {
      const node = object as Node;
      const name = node.metadata.name ?? '';
      const lease = store.get(types.lease, leaseNamespace, name) as Lease | undefined;
      const renewTime = lease?.spec.renewTime ?? node.metadata.creationTimestamp ?? '';
      let seen = this.observed.get(name);
      if (seen === undefined && !firstTick) this.environment.events.record(node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, 'node-controller');
      if (seen?.renewTime !== renewTime) {
        seen = { renewTime, at: Math.max(Date.parse(renewTime), this.startedAt) };
        this.observed.set(name, seen);
      }
      const stale = now - seen.at >= gracePeriodMs;
      const ready = conditionOf(node.status.conditions, 'Ready');
      if (stale && ready?.status !== 'Unknown') this.markUnknown(node);
      else if (!stale && ready?.status === 'True' && (node.spec.taints ?? []).some((taint) => taint.key === unreachableTaint)) this.clearTaints(node);
      const taint = (node.spec.taints ?? []).find((each) => each.key === unreachableTaint && each.effect === 'NoExecute');
      if (taint !== undefined) this.evict(node, Date.parse(taint.timeAdded ?? ''), now);
    }
  }

  private markUnknown(node: Node): void {
    const { types, clock, events } = this.environment;
    const now = clock.timestamp();
    const updated = modify(this.environment, types.node, node, (copy) => {
      let conditions: Condition[] = copy.status.conditions ?? [];
      for (const type of conditionTypes) {
        const previous = conditionOf(conditions, type);
        conditions = setCondition(conditions, { ...previous, type, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }, now);
      }
      copy.status.conditions = conditions;
      const taints: Taint[] = (copy.spec.taints ?? []).filter((taint) => taint.key !== unreachableTaint);
      taints.push({ key: unreachableTaint, effect: 'NoSchedule', timeAdded: now }, { key: unreachableTaint, effect: 'NoExecute', timeAdded: now });
      copy.spec.taints = taints;
    });
    events.record(updated, 'Normal', 'NodeNotReady', `Node ${node.metadata.name ?? ''} status is now: NodeNotReady`, 'node-controller');
    // MarkPodsNotReady: the pods' Ready condition turns False at once, before any eviction.
    for (const key of this.environment.pods.podKeys(node.metadata.name ?? '')) {
      const { namespace, name } = splitKey(key);
      const pod = this.environment.store.get(types.pod, namespace, name) as Pod | undefined;
      if (pod === undefined || pod.status?.phase !== 'Running') continue;
      modify(this.environment, types.pod, pod, (copy) => {
        copy.status = { ...copy.status, conditions: setCondition(copy.status?.conditions ?? [], { type: 'Ready', status: 'False', reason: 'NodeNotReady', lastProbeTime: null }, now) };
      });
    }
  }

  private clearTaints(node: Node): void {
    modify(this.environment, this.environment.types.node, node, (copy) => {
      copy.spec.taints = (copy.spec.taints ?? []).filter((taint) => taint.key !== unreachableTaint);
      if (copy.spec.taints.length === 0) delete copy.spec.taints;
    });
  }

  private evict(node: Node, taintedAt: number, now: number): void {
    const { store, types, events } = this.environment;
    for (const key of this.environment.pods.podKeys(node.metadata.name ?? '')) {
      const { namespace, name } = splitKey(key);
      const pod = store.get(types.pod, namespace, name) as Pod | undefined;
      if (pod === undefined || now < taintedAt + toleratedSeconds(pod) * 1000) continue;
      events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, 'taint-eviction-controller');
      markDisruptionTarget(store, types.pod, pod, { reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }, this.environment.clock.timestamp());
      store.delete(types.pod, namespace, name);
    }
  }
}
