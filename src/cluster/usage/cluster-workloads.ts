// What `suggest --prometheus` needs of the cluster, a namespace at a time so a big cluster is never
// held whole: the namespaces, each namespace's pod-owning workloads (kind, replicas, requests) and
// its autoscalers.
import type { WorkloadRequests } from '../../core/allocator/right-sizing.ts';
import { objectMeta } from '../../core/cluster/object-fields.ts';
import { slimWorkload, type WorkloadKind } from '../../core/cluster/workload-model.ts';
import { ok, type Result } from '../../core/result.ts';
import type { ApiClient } from '../api-client.ts';
import type { ClusterError } from '../cluster-error.ts';
import { collectionPath, KINDS } from '../kinds.ts';
import { listAll } from '../list-all.ts';
import { loadAutoscalers, type ClusterAutoscalers } from './autoscalers.ts';

type Client = Pick<ApiClient, 'request' | 'requestBounded' | 'context'>;

// The kinds whose pods Prometheus' owner rule names as workloads and that keep a replica count.
const KINDS_WITH_PODS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const satisfies readonly WorkloadKind[];

export interface NamespaceWorkloads {
  readonly workloads: ReadonlyMap<string, WorkloadRequests>;
  readonly autoscalers: ClusterAutoscalers;
}

export async function namespaceNames(client: Client, signal?: AbortSignal): Promise<Result<string[], ClusterError>> {
  const listed = await listAll({ client, path: collectionPath(KINDS.Namespace), resource: 'namespaces', trim: (raw) => objectMeta(raw).name, ...(signal === undefined ? {} : { signal }) });
  return listed.ok ? ok(listed.value.items.sort()) : listed;
}

export async function namespaceWorkloads(client: Client, namespace: string, signal?: AbortSignal): Promise<Result<NamespaceWorkloads, ClusterError>> {
  const workloads = new Map<string, WorkloadRequests>();
  for (const kind of KINDS_WITH_PODS) {
    const listed = await listAll({ client, path: collectionPath(KINDS[kind], namespace), resource: `${KINDS[kind].plural} in namespace "${namespace}"`, trim: (raw) => slimWorkload(kind, raw), ...(signal === undefined ? {} : { signal }) });
    if (!listed.ok) return listed;
    for (const workload of listed.value.items) workloads.set(workload.meta.name, { kind, replicas: workload.desired, containers: workload.containers });
  }
  const autoscalers = await loadAutoscalers(client, namespace, signal);
  return autoscalers.ok ? ok({ workloads, autoscalers: autoscalers.value }) : autoscalers;
}
