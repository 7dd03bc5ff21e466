// The workload a usage history entry belongs to, from the connection's cache: its kind, how many pods
// it runs and each container's requests today. Usage only knows namespace and name.
import type { WorkloadRequests } from '../../core/allocator/right-sizing.ts';
import type { ClusterConnection } from '../bundle-loader.ts';

const POD_OWNER_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;

export function workloadRequests(connection: ClusterConnection, namespace: string, name: string): WorkloadRequests | undefined {
  for (const kind of POD_OWNER_KINDS) {
    const workload = connection.workloads[kind].get(namespace, name);
    if (workload === undefined) continue;
    // A Job's pods are the active ones; a CronJob runs one Job at a time.
    const replicas = kind === 'Job' ? Math.max(1, workload.active) : kind === 'CronJob' ? 1 : workload.desired;
    return { kind, replicas, containers: workload.containers };
  }
  return undefined;
}
