// Which workload a pod belongs to, from its controller owner reference: a StatefulSet's, DaemonSet's
// or Job's pods name it directly; a Deployment's pods name its ReplicaSet, which the Deployment
// controller calls <deployment>-<pod-template-hash> and whose pods carry that hash as a label. The
// hash is cut off exactly, so the pods of "web" are never taken for those of "web-api".
import type { SlimPod } from './pod-model.ts';

export type PodOwnerKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job';

const TEMPLATE_HASH_LABEL = 'pod-template-hash';
const DIRECT_OWNERS: ReadonlySet<string> = new Set<PodOwnerKind>(['StatefulSet', 'DaemonSet', 'Job']);

/** The workload that controls the pod; undefined for a bare pod or a ReplicaSet no Deployment made. */
export function podOwnerWorkload(pod: Pick<SlimPod, 'meta'>): { readonly kind: PodOwnerKind; readonly name: string } | undefined {
  const owner = pod.meta.owner;
  if (owner === undefined) return undefined;
  if (DIRECT_OWNERS.has(owner.kind)) return { kind: owner.kind as PodOwnerKind, name: owner.name };
  if (owner.kind !== 'ReplicaSet') return undefined;
  const hash = pod.meta.labels[TEMPLATE_HASH_LABEL];
  // Where "-<hash>" would start. Checked piecewise: endsWith(`-${hash}`) builds a string per pod,
  // ten times the cost of the rest on a 150,000-pod sync.
  const cut = owner.name.length - (hash?.length ?? 0) - 1;
  if (hash === undefined || hash === '' || cut < 1 || owner.name[cut] !== '-' || !owner.name.endsWith(hash)) return undefined;
  return { kind: 'Deployment', name: owner.name.slice(0, cut) };
}

/** The alphabet of the Deployment controller's pod-template-hash (rand.SafeEncodeString of a 32-bit hash). */
const TEMPLATE_HASH = /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/;

/**
 * The Deployment a ReplicaSet belongs to by its name, `<deployment>-<pod-template-hash>`, for what
 * knows the ReplicaSet by name alone (its events); undefined when the last part cannot be the hash
 * (a ReplicaSet made by hand, "web-frontend").
 */
export function replicaSetDeployment(replicaSet: string): string | undefined {
  const cut = replicaSet.lastIndexOf('-');
  return cut > 0 && TEMPLATE_HASH.test(replicaSet.slice(cut + 1)) ? replicaSet.slice(0, cut) : undefined;
}

/** The key of a workload in the pod cache's owner index. */
export function ownerKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/** An object's owner-index key by its controller (a Job's CronJob), '' when it has none. */
export function controllerKey(meta: { readonly namespace: string; readonly owner: { readonly kind: string; readonly name: string } | undefined }): string {
  return meta.owner === undefined ? '' : ownerKey(meta.owner.kind, meta.namespace, meta.owner.name);
}

/** The pod's owner-index key: its workload's ownerKey, '' when it has none. */
export function podOwnerKey(pod: Pick<SlimPod, 'meta'>): string {
  const workload = podOwnerWorkload(pod);
  return workload === undefined ? '' : ownerKey(workload.kind, pod.meta.namespace, workload.name);
}
