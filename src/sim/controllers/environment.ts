/** What every controller is given: the store, the clock, the indexes, the event recorder and its queue. */
import type { SimClock } from '../clock.ts';
import { randomSuffix } from '../names.ts';
import type { KubeObject, Pod, PodTemplate } from '../objects.ts';
import { clone } from '../objects.ts';
import type { OwnerIndex } from '../owner-index.ts';
import type { ResourceType } from '../resources.ts';
import { ApiError } from '../status.ts';
import type { Store } from '../store.ts';
import type { EventRecorder } from './events.ts';
import type { PodIndex } from './pod-index.ts';
import type { Types } from './types.ts';
import type { WorkQueues } from './work-queues.ts';

export interface ControllerEnvironment {
  readonly store: Store;
  readonly clock: SimClock;
  readonly types: Types;
  readonly owners: OwnerIndex;
  readonly pods: PodIndex;
  readonly events: EventRecorder;
  readonly queues: WorkQueues;
  /** Creates through the API's defaulting and admission, as a controller's client would; admission refusals throw ApiError. */
  readonly createObject: (type: ResourceType, object: KubeObject) => KubeObject;
}

/** Writes a changed copy of a stored object, skipping the write when nothing changed. */
export function modify<T extends KubeObject>(environment: ControllerEnvironment, type: ResourceType, object: T, change: (copy: T) => void): T {
  const copy = clone(object);
  change(copy);
  if (JSON.stringify(copy) === JSON.stringify(object)) return object;
  return environment.store.update(type, copy) as T;
}

/** `namespace/name` of an object: the key controllers enqueue. */
export function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  return { namespace: namespace === '' ? undefined : namespace, name: key.slice(slash + 1) };
}

/** The controller owner of an object (the ownerReference with controller: true). */
export function controllerOf(object: KubeObject): { kind: string; name: string; uid: string } | undefined {
  return object.metadata.ownerReferences?.find((owner) => owner.controller === true);
}

export function ownerReference(owner: KubeObject): NonNullable<KubeObject['metadata']['ownerReferences']>[number] {
  return { apiVersion: owner.apiVersion ?? '', kind: owner.kind ?? '', name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** A controller's words for a pod it created or could not create; StatefulSets word theirs apart (stateful_pod_control.go). */
function creationMessage(owner: KubeObject, pod: string, error?: string): string {
  if (owner.kind === 'StatefulSet') return `create Pod ${pod} in StatefulSet ${owner.metadata.name ?? ''} ${error === undefined ? 'successful' : `failed error: ${error}`}`;
  return error === undefined ? `Created pod: ${pod}` : `Error creating: ${error}`;
}

/**
 * A pod from an owner's template, named `<owner>-<suffix>` and owned by it, as ReplicaSets and Jobs
 * make them, with the owner's SuccessfulCreate event; undefined, with a FailedCreate Warning, when
 * admission refuses it (a ResourceQuota).
 */
export function createOwnedPod(
  environment: ControllerEnvironment,
  owner: KubeObject,
  template: PodTemplate,
  identity: { name?: string; labels?: Record<string, string>; nodeName?: string } = {},
): Pod | undefined {
  const copy = clone(template);
  const name = identity.name ?? `${owner.metadata.name ?? ''}-${randomSuffix()}`;
  const component = `${(owner.kind ?? '').toLowerCase()}-controller`;
  try {
    const pod = environment.createObject(environment.types.pod, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: owner.metadata.namespace,
        labels: { ...copy.metadata?.labels, ...identity.labels },
        ...(copy.metadata?.annotations === undefined ? {} : { annotations: copy.metadata.annotations }),
        ownerReferences: [ownerReference(owner)],
      },
      spec: { ...copy.spec, ...(identity.nodeName === undefined ? {} : { nodeName: identity.nodeName }) },
    }) as Pod;
    environment.events.record(owner, 'Normal', 'SuccessfulCreate', creationMessage(owner, name), component);
    return pod;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    environment.events.record(owner, 'Warning', 'FailedCreate', creationMessage(owner, name, error.message), component);
    return undefined;
  }
}

/**
 * Feeds a controller's queue: its own objects when they change, and their owner when an object they
 * control (a ReplicaSet's pod, a Deployment's ReplicaSet) changes.
 */
export function watchOwned(environment: ControllerEnvironment, owner: ResourceType, owned: ResourceType, enqueue: (key: string) => void): void {
  environment.store.subscribe((event) => {
    if (event.resource === owner && event.type !== 'DELETED') enqueue(keyOf(event.object));
    if (event.resource !== owned) return;
    const controller = controllerOf(event.object);
    if (controller?.kind === owner.kind) enqueue(`${event.object.metadata.namespace ?? ''}/${controller.name}`);
  });
}
