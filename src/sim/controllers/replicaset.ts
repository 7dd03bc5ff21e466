/** The ReplicaSet controller: keeps `spec.replicas` active pods from the template, and reports their readiness. */
import type { Pod, ReplicaSet } from '../objects.ts';
import { conditionOf } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { createOwnedPod, modify, splitKey, watchOwned } from './environment.ts';
import { RetryBackoff } from './retry-backoff.ts';

/** The controller's burst per sync (kube-controller-manager's slow-start batches top out at 500). */
const burst = 500;

export function isActive(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp === undefined && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export function isReady(pod: Pod): boolean {
  return conditionOf(pod.status?.conditions, 'Ready')?.status === 'True';
}

/** Which surplus pods go first: unscheduled, then not running, then not ready, then the newest. */
function deletionRank(pod: Pod): number[] {
  return [pod.spec.nodeName === undefined ? 0 : 1, pod.status?.phase === 'Running' ? 1 : 0, isReady(pod) ? 1 : 0, -Date.parse(pod.metadata.creationTimestamp ?? '')];
}

function compareRanks(left: number[], right: number[]): number {
  for (let index = 0; index < left.length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export class ReplicaSetController {
  private readonly environment: ControllerEnvironment;
  private readonly retries: RetryBackoff;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    const enqueue = environment.queues.create('replicaset', (key) => this.sync(key));
    this.retries = new RetryBackoff(environment.clock, enqueue);
    watchOwned(environment, environment.types.replicaSet, environment.types.pod, enqueue);
  }

  private sync(key: string): void {
    const { store, types, owners, events } = this.environment;
    const { namespace, name } = splitKey(key);
    const replicaSet = store.get(types.replicaSet, namespace, name) as ReplicaSet | undefined;
    if (replicaSet === undefined) return;
    const pods = (owners.dependents(replicaSet.metadata.uid ?? '', types.pod) as Pod[]).filter(isActive);
    const wanted = replicaSet.spec.replicas ?? 1;
    if (pods.length < wanted) {
      const missing = Math.min(wanted - pods.length, burst);
      for (let count = 0; count < missing; count += 1) {
        const pod = createOwnedPod(this.environment, replicaSet, replicaSet.spec.template);
        // A refused pod ends the burst (slowStartBatch stops at an error); the key comes back after a back-off.
        if (pod === undefined) {
          this.retries.retry(key);
          break;
        }
        pods.push(pod);
      }
    } else if (pods.length > wanted) {
      const surplus = [...pods].sort((left, right) => compareRanks(deletionRank(left), deletionRank(right))).slice(0, pods.length - wanted);
      for (const pod of surplus) {
        store.delete(types.pod, pod.metadata.namespace, pod.metadata.name ?? '');
        events.record(replicaSet, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name ?? ''}`, 'replicaset-controller');
      }
      // Filtered in place: splice(...) with 100,000 pods as arguments would overflow the call stack.
      const gone = new Set(surplus);
      let kept = 0;
      for (const pod of pods) if (!gone.has(pod)) pods[kept++] = pod;
      pods.length = kept;
    }
    if (pods.length >= wanted) this.retries.forget(key);
    const ready = pods.filter(isReady).length;
    modify(this.environment, types.replicaSet, store.get(types.replicaSet, namespace, name) as ReplicaSet, (copy) => {
      copy.status = {
        replicas: pods.length,
        fullyLabeledReplicas: pods.length,
        readyReplicas: ready,
        availableReplicas: ready,
        observedGeneration: copy.metadata.generation ?? 1,
      };
    });
  }
}
