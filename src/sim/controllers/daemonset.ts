/**
 * The DaemonSet controller: one pod per node that passes the allocator's filters (taints,
 * nodeSelector, cordon), bound to it directly as the real controller's node affinity does.
 */
import { fitNodeFromObject, fitPodFromSpec } from '../../core/allocator/fit-input.ts';
import { nodeFilterReason } from '../../core/allocator/node-filter.ts';
import type { KubeObject, Pod, PodTemplate } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { createOwnedPod, keyOf, modify, splitKey, watchOwned } from './environment.ts';
import { isActive, isReady } from './replicaset.ts';
import { RetryBackoff } from './retry-backoff.ts';

interface DaemonSet extends KubeObject {
  spec: { template: PodTemplate; [field: string]: unknown };
  status?: Record<string, unknown>;
}

export class DaemonSetController {
  private readonly environment: ControllerEnvironment;
  private readonly retries: RetryBackoff;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    const enqueue = environment.queues.create('daemonset', (key) => this.sync(key));
    this.retries = new RetryBackoff(environment.clock, enqueue);
    watchOwned(environment, environment.types.daemonSet, environment.types.pod, enqueue);
    // A node that joins or leaves changes where daemons belong (status updates do not).
    environment.store.subscribe((event) => {
      if (event.resource !== environment.types.node || event.type === 'MODIFIED') return;
      for (const { object } of environment.store.scan(environment.types.daemonSet)) enqueue(keyOf(object));
    });
  }

  private sync(key: string): void {
    const { store, types, owners, events } = this.environment;
    const { namespace, name } = splitKey(key);
    const set = store.get(types.daemonSet, namespace, name) as DaemonSet | undefined;
    if (set === undefined) return;
    const fitPod = fitPodFromSpec(set.spec.template.spec).pod;
    const eligible = new Set<string>();
    for (const { object } of store.scan(types.node)) {
      const node = fitNodeFromObject(object).node;
      if (node !== undefined && nodeFilterReason(fitPod, node) === undefined) eligible.add(node.name);
    }
    const pods = (owners.dependents(set.metadata.uid ?? '', types.pod) as Pod[]).filter(isActive);
    const placed = new Set(pods.map((pod) => pod.spec.nodeName ?? ''));
    let refused = false;
    for (const node of eligible) {
      if (placed.has(node)) continue;
      const pod = createOwnedPod(this.environment, set, set.spec.template, { nodeName: node });
      if (pod === undefined) refused = true;
      else pods.push(pod);
    }
    for (const pod of pods.filter((each) => !eligible.has(each.spec.nodeName ?? ''))) {
      store.delete(types.pod, pod.metadata.namespace, pod.metadata.name ?? '');
      events.record(set, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name ?? ''}`, 'daemonset-controller');
    }
    if (refused) this.retries.retry(key);
    else this.retries.forget(key);
    const kept = pods.filter((pod) => eligible.has(pod.spec.nodeName ?? ''));
    const ready = kept.filter(isReady).length;
    modify(this.environment, types.daemonSet, store.get(types.daemonSet, namespace, name) as DaemonSet, (copy) => {
      copy.status = {
        desiredNumberScheduled: eligible.size,
        currentNumberScheduled: kept.length,
        updatedNumberScheduled: kept.length,
        numberReady: ready,
        numberAvailable: ready,
        numberMisscheduled: 0,
        observedGeneration: copy.metadata.generation ?? 1,
      };
    });
  }
}
