// The workload a pod's usage belongs to: from its owner references in the connection's pod cache
// when it is there, else guessed from the pod's name (a pod listed by the metrics API before the
// pod watch caught up, or a namespace the cache does not cover).
import { workloadFromPodName } from '../../core/allocator/workload-name.ts';
import { podTopWorkload } from '../../core/cluster/pod-owner.ts';
import type { ClusterConnection } from '../cluster-connection.ts';

export function podWorkload(connection: Pick<ClusterConnection, 'pods' | 'workloads'>, namespace: string, pod: string): string {
  const cached = connection.pods.get(namespace, pod);
  if (cached === undefined) return workloadFromPodName(pod).name;
  // A ReplicaSet no Deployment made, or another owner kind, is the workload itself.
  return podTopWorkload(cached, (job) => connection.workloads.Job.get(namespace, job)?.meta.owner)?.name ?? cached.meta.owner?.name ?? pod;
}
