/**
 * The StatefulSet controller, OrderedReady: pods `<name>-0` … `<name>-(n-1)`, each created only
 * when the one before it is Running and Ready, removed from the highest ordinal down.
 */
import type { Pod, ReplicaSet } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { createOwnedPod, modify, splitKey, watchOwned } from './environment.ts';
import { isActive, isReady } from './replicaset.ts';
import { RetryBackoff } from './retry-backoff.ts';

/** A StatefulSet has the ReplicaSet's spec shape (replicas, selector, template) for what this controller reads. */
type StatefulSet = ReplicaSet;

function ordinal(pod: Pod, set: StatefulSet): number {
  return Number((pod.metadata.name ?? '').slice((set.metadata.name ?? '').length + 1));
}

export class StatefulSetController {
  private readonly environment: ControllerEnvironment;
  private readonly retries: RetryBackoff;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    const enqueue = environment.queues.create('statefulset', (key) => this.sync(key));
    this.retries = new RetryBackoff(environment.clock, enqueue);
    watchOwned(environment, environment.types.statefulSet, environment.types.pod, enqueue);
  }

  private sync(key: string): void {
    const { store, types, owners, events } = this.environment;
    const { namespace, name } = splitKey(key);
    const set = store.get(types.statefulSet, namespace, name) as StatefulSet | undefined;
    if (set === undefined) return;
    const pods = (owners.dependents(set.metadata.uid ?? '', types.pod) as Pod[]).filter(isActive).sort((left, right) => ordinal(left, set) - ordinal(right, set));
    const wanted = set.spec.replicas ?? 1;
    const surplus = pods.filter((pod) => ordinal(pod, set) >= wanted);
    const highest = surplus[surplus.length - 1];
    if (highest !== undefined) {
      store.delete(types.pod, highest.metadata.namespace, highest.metadata.name ?? '');
      events.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${highest.metadata.name ?? ''} in StatefulSet ${name} successful`, 'statefulset-controller');
    } else {
      const present = new Set(pods.map((pod) => ordinal(pod, set)));
      const missing = [...Array(wanted).keys()].find((index) => !present.has(index));
      const previous = pods.find((pod) => missing !== undefined && ordinal(pod, set) === missing - 1);
      if (missing !== undefined && (missing === 0 || (previous !== undefined && isReady(previous)))) {
        const podName = `${name}-${missing}`;
        const pod = createOwnedPod(this.environment, set, set.spec.template, { name: podName, labels: { 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(missing) } });
        if (pod === undefined) this.retries.retry(key);
        else this.retries.forget(key);
      }
    }
    const current = pods.filter((pod) => ordinal(pod, set) < wanted);
    modify(this.environment, types.statefulSet, store.get(types.statefulSet, namespace, name) as StatefulSet, (copy) => {
      const ready = current.filter(isReady).length;
      copy.status = { observedGeneration: copy.metadata.generation ?? 1, replicas: current.length, readyReplicas: ready, currentReplicas: current.length, updatedReplicas: current.length, availableReplicas: ready };
    });
  }
}
