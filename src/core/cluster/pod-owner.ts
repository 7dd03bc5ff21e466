// Which workload runs a pod, from its controller owner reference in the slim cache: a Deployment through
// its ReplicaSet, a CronJob through its Job, the others directly. Matching names by prefix let
// Deployment "web" claim the pods of "web-api".
import type { ObjectMeta } from './object-fields.ts';

export interface WorkloadRef {
  readonly kind: string;
  readonly name: string;
}

// The Deployment controller names a ReplicaSet <deployment>-<pod-template-hash> and labels its pods with
// that hash; ReplicaSets are not cached, so the label stands in for the ReplicaSet's own owner reference.
const TEMPLATE_HASH_LABEL = 'pod-template-hash';

/**
 * A pod's owners, its controller first and the top workload last: [ReplicaSet, Deployment],
 * [Job, CronJob], [StatefulSet]; empty for a bare pod. `jobOwner` gives the owner of a Job of the pod's
 * namespace from the cache (a CronJob's Jobs name it). A ReplicaSet whose name is not
 * <deployment>-<the pod's hash> has no Deployment above it.
 */
export function podOwners(meta: Pick<ObjectMeta, 'owner' | 'labels'>, jobOwner: (job: string) => WorkloadRef | undefined): WorkloadRef[] {
  const owner = meta.owner;
  if (owner === undefined) return [];
  if (owner.kind === 'ReplicaSet') {
    const suffix = `-${meta.labels[TEMPLATE_HASH_LABEL] ?? ''}`;
    const owned = suffix.length > 1 && owner.name.length > suffix.length && owner.name.endsWith(suffix);
    return owned ? [owner, { kind: 'Deployment', name: owner.name.slice(0, -suffix.length) }] : [owner];
  }
  const cronJob = owner.kind === 'Job' ? jobOwner(owner.name) : undefined;
  return cronJob?.kind === 'CronJob' ? [owner, cronJob] : [owner];
}

/** The workload that runs a pod (the top of its owners); undefined for a bare pod. */
export function podWorkloadRef(meta: Pick<ObjectMeta, 'owner' | 'labels'>, jobOwner: (job: string) => WorkloadRef | undefined): WorkloadRef | undefined {
  return podOwners(meta, jobOwner).at(-1);
}

/** The pods (of one namespace) that a workload runs, directly or through the objects it owns; no others. */
export function podsOwnedBy<T extends { readonly meta: Pick<ObjectMeta, 'owner' | 'labels'> }>(pods: readonly T[], workload: WorkloadRef, jobOwner: (job: string) => WorkloadRef | undefined): T[] {
  return pods.filter((pod) => podOwners(pod.meta, jobOwner).some((owner) => owner.kind === workload.kind && owner.name === workload.name));
}
