/** Objects that pick pods by label (PodDisruptionBudgets, Services): their queue feed and their pods. */
import type { KubeObject, Pod } from '../objects.ts';
import type { ResourceType } from '../resources.ts';
import type { ControllerEnvironment } from './environment.ts';
import { keyOf, splitKey } from './environment.ts';

export type Selects = (selector: KubeObject, pod: Pod) => boolean;

/**
 * Enqueues a selecting object when it changes, and every one of its namespace that selects a pod
 * that changed (before or after the change).
 */
function watchSelecting(environment: ControllerEnvironment, type: ResourceType, selects: Selects, enqueue: (key: string) => void): void {
  const { store, types } = environment;
  store.subscribe((event) => {
    if (event.resource === type) {
      enqueue(keyOf(event.object));
      return;
    }
    // Seeding 150,000 pods with no such objects anywhere: one count, no scans.
    if (event.resource !== types.pod || store.count(type) === 0) return;
    const pod = event.object as Pod;
    const previous = event.previous as Pod | undefined;
    for (const { object } of store.scan(type, { namespace: pod.metadata.namespace })) {
      if (selects(object, pod) || (previous !== undefined && selects(object, previous))) enqueue(keyOf(object));
    }
  });
}

/**
 * Runs a controller of a selecting kind: its queue, fed by watchSelecting, hands `sync` each key's
 * stored object (undefined once deleted) with the key's namespace and name.
 */
export function runSelecting(
  environment: ControllerEnvironment,
  name: string,
  type: ResourceType,
  selects: Selects,
  sync: (object: KubeObject | undefined, where: { namespace: string | undefined; name: string }) => void,
): void {
  const enqueue = environment.queues.create(name, (key) => {
    const where = splitKey(key);
    sync(environment.store.get(type, where.namespace, where.name), where);
  });
  watchSelecting(environment, type, selects, enqueue);
}

/** The pods of a namespace that an object selects, not being deleted. */
export function selectedPods(environment: ControllerEnvironment, selector: KubeObject, selects: Selects): Pod[] {
  const pods: Pod[] = [];
  for (const { object } of environment.store.scan(environment.types.pod, { namespace: selector.metadata.namespace })) {
    const pod = object as Pod;
    if (pod.metadata.deletionTimestamp === undefined && selects(selector, pod)) pods.push(pod);
  }
  return pods;
}
