/**
 * What kube-prometheus' namespace_workload_pod:kube_pod_owner:relabel says of a pod: its workload
 * and workload_type, a ReplicaSet's pods belonging to its Deployment (the ReplicaSet name without
 * the pod-template-hash). A pod without an owner has no such series.
 */
import type { Pod } from '../objects.ts';

export function workloadLabels(pod: Pod): Record<string, string> | undefined {
  const owner = pod.metadata.ownerReferences?.find((reference) => reference.controller === true);
  if (owner === undefined) return undefined;
  if (owner.kind === 'ReplicaSet') {
    const hash = pod.metadata.labels?.['pod-template-hash'];
    if (hash !== undefined && owner.name.endsWith(`-${hash}`)) return { workload: owner.name.slice(0, -hash.length - 1), workload_type: 'deployment' };
    return { workload: owner.name, workload_type: 'replicaset' };
  }
  return { workload: owner.name, workload_type: owner.kind.toLowerCase() };
}
