// The usage history as the linter's request suggestions, with the workload's kind when the cluster's
// cache knows it.
import type { RequestSuggestion } from '../../core/editor-core.ts';
import type { WorkloadContainerUsage } from '../../cluster/usage/usage-types.ts';
import { loadCoreModule, type ClusterConnection } from '../bundle-loader.ts';
import { workloadRequests } from './workload-lookup.ts';

/**
 * `contextNamespace` also matches manifests that set no namespace: `kubectl apply` puts them there.
 * Containers without enough data give no suggestion (never a zero request).
 */
export function usageSuggestions(connection: ClusterConnection, usage: readonly WorkloadContainerUsage[], contextNamespace: string): RequestSuggestion[] {
  const { requestSuggestion } = loadCoreModule();
  return usage.flatMap(({ namespace, workload, container, recommendation, explanation }) => {
    if (recommendation === undefined) return [];
    const kind = workloadRequests(connection, namespace, workload)?.kind ?? '*';
    const source = { kind, name: workload, container, recommendation, explanation };
    return [requestSuggestion({ ...source, namespace }), ...(namespace === contextNamespace ? [requestSuggestion({ ...source, namespace: undefined })] : [])];
  });
}
