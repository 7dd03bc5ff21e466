// A one-shot read of a context for the CLI: connect, wait until the given resources are listed (or
// one fails), hand back the connection. The same reflectors and slim stores as the Explorer.
import { err, ok, type Result } from '../core/result.ts';
import { ApiClient } from './api-client.ts';
import { ClusterConnection, type WatchedResource } from './cluster-connection.ts';
import type { ClusterError } from './cluster-error.ts';
import { loadKubeconfig, resolveContext } from './kubeconfig-loader.ts';

export interface SnapshotRequest {
  readonly kubeconfigPaths: readonly string[];
  /** Empty: the kubeconfig's current context. */
  readonly context: string;
  readonly resources: readonly WatchedResource[];
  readonly timeoutMs: number;
}

/** Resolves with a synced connection (the caller disposes it), or the first error. */
export async function snapshotContext(request: SnapshotRequest): Promise<Result<ClusterConnection, ClusterError>> {
  const loaded = loadKubeconfig(request.kubeconfigPaths);
  if (!loaded.ok) return loaded;
  const resolved = resolveContext(loaded.value, request.context);
  if (!resolved.ok) return resolved;
  const { name: context, namespace } = resolved.value;
  const connection = new ClusterConnection({ client: new ApiClient(context, loaded.value.forContext(context)), namespace });
  const outcome = await new Promise<ClusterError | undefined>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout', message: `context "${context}" did not answer within ${request.timeoutMs / 1000} s` }), request.timeoutMs);
    const check = (): void => {
      const states = request.resources.map((resource) => connection.state(resource));
      const failed = states.find((state) => state.phase === 'error');
      if (failed?.error === undefined && !states.every((state) => state.phase === 'synced')) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(failed?.error);
    };
    const subscription = connection.onDidChangeState(check);
    connection.start(request.resources);
  });
  if (outcome === undefined) return ok(connection);
  connection.dispose();
  return err(outcome);
}
