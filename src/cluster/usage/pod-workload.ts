// The workload a pod's usage belongs to: from its owner references in the connection's pod cache
// when it is there, else guessed from the pod's name (a pod listed by the metrics API before the
// pod watch caught up, or a namespace the cache does not cover).
import { workloadFromPodName } from '../../core/allocator/workload-name.ts';
import type { ClusterConnection } from '../cluster-connection.ts';

// The Deployment controller names a ReplicaSet <deployment>-<pod-template-hash> and labels its pods with that hash.
const TEMPLATE_HASH_LABEL = 'pod-template-hash';

export function podWorkload(connection: Pick<ClusterConnection, 'pods' | 'workloads'>, namespace: string, pod: string): string {
  const cached = connection.pods.get(namespace, pod);
  if (cached === undefined) return workloadFromPodName(pod).name;
  const owner = cached.meta.owner;
  if (owner === undefined) return pod;
  if (owner.kind === 'ReplicaSet') {
    const suffix = `-${cached.meta.labels[TEMPLATE_HASH_LABEL] ?? ''}`;
    return suffix.length > 1 && owner.name.endsWith(suffix) ? owner.name.slice(0, -suffix.length) : owner.name;
  }
  if (owner.kind === 'Job') {
    const cronJob = connection.workloads.Job.get(namespace, owner.name)?.meta.owner;
    if (cronJob?.kind === 'CronJob') return cronJob.name;
  }
  return owner.name;
}
