// `fit --kubeconfig/--context`: the Nodes and Pods of a live cluster as raw objects, listed by the
// reflector's own listAll (pages, the 410 restart, back-off on 429/5xx), so they go through the same
// readers as a snapshot file (the slim models of the watch cache drop extended resources, which the
// fit check counts).
import { ok, type Result } from '../core/result.ts';
import { ApiClient } from '../cluster/api-client.ts';
import type { ClusterError } from '../cluster/cluster-error.ts';
import { collectionPath, KINDS } from '../cluster/kinds.ts';
import { loadKubeconfig, resolveContext } from '../cluster/kubeconfig-loader.ts';
import { listAll } from '../cluster/list-all.ts';
import { cliKubeconfigPaths } from './kubeconfig-flag.ts';

export interface LiveCluster {
  readonly context: string;
  readonly nodes: readonly unknown[];
  readonly pods: readonly unknown[];
}

export interface LiveRequest {
  /** Undefined: KUBECONFIG, else ~/.kube/config. */
  readonly kubeconfig: string | undefined;
  /** Undefined: the current context. */
  readonly context: string | undefined;
  readonly timeoutMs: number;
}

export async function listLiveCluster(request: LiveRequest): Promise<Result<LiveCluster, ClusterError>> {
  const loaded = loadKubeconfig(cliKubeconfigPaths(request.kubeconfig));
  if (!loaded.ok) return loaded;
  const resolved = resolveContext(loaded.value, request.context ?? '');
  if (!resolved.ok) return resolved;
  const context = resolved.value.name;
  const client = new ApiClient(context, loaded.value.forContext(context));
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const raw = (item: unknown): unknown => item;
    const nodes = await listAll({ client, path: collectionPath(KINDS.Node), resource: 'nodes', trim: raw, signal });
    if (!nodes.ok) return nodes;
    // Finished pods hold no resources: the server leaves them out.
    const query = { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' };
    const pods = await listAll({ client, path: collectionPath(KINDS.Pod), resource: 'pods', trim: raw, query, signal });
    if (!pods.ok) return pods;
    return ok({ context, nodes: nodes.value.items, pods: pods.value.items });
  } finally {
    client.dispose();
  }
}
