// `fit --kubeconfig/--context`: the Nodes and Pods of a live cluster as raw objects, listed page by
// page through the cluster layer's client, so they go through the same readers as a snapshot file
// (the slim models of the watch cache drop extended resources, which the fit check counts).
import { ok, type Result } from '../core/result.ts';
import { ApiClient } from '../cluster/api-client.ts';
import type { ClusterError } from '../cluster/cluster-error.ts';
import { loadKubeconfig, resolveContext } from '../cluster/kubeconfig-loader.ts';
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

/** kube-apiserver's page size for kubectl is 500; a page of pods is a few megabytes at most. */
const pageSize = 500;

async function listAll(client: ApiClient, path: string, resource: string, query: Record<string, string>, signal: AbortSignal): Promise<Result<unknown[], ClusterError>> {
  const items: unknown[] = [];
  let next: string | undefined;
  do {
    const page = await client.request(path, { verb: 'list', resource, query: { ...query, limit: pageSize, continue: next }, signal });
    if (!page.ok) return page;
    const list = page.value as { items?: unknown; metadata?: { continue?: unknown } };
    // A loop, not push(...items): a server that ignores `limit` may send 150,000 items at once.
    if (Array.isArray(list.items)) for (const item of list.items as unknown[]) items.push(item);
    next = typeof list.metadata?.continue === 'string' && list.metadata.continue !== '' ? list.metadata.continue : undefined;
  } while (next !== undefined);
  return ok(items);
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
    const nodes = await listAll(client, '/api/v1/nodes', 'nodes', {}, signal);
    if (!nodes.ok) return nodes;
    // Finished pods hold no resources: the server leaves them out.
    const pods = await listAll(client, '/api/v1/pods', 'pods', { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' }, signal);
    if (!pods.ok) return pods;
    return ok({ context, nodes: nodes.value, pods: pods.value });
  } finally {
    client.dispose();
  }
}
