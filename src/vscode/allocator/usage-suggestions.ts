// The usage history as the linter's request suggestions: target, lower and upper bound per workload
// container as Kubernetes quantities, with the workload's kind when the cluster's cache knows it.
import type { RequestSuggestion } from '../../core/lint/index.ts';
import type { WorkloadContainerUsage } from '../../cluster/usage/usage-types.ts';
import { loadLintModule, type ClusterConnection } from '../bundle-loader.ts';
import { workloadRequests } from './workload-lookup.ts';

/**
 * `contextNamespace` also matches manifests that set no namespace: `kubectl apply` puts them there.
 * Containers without enough data give no suggestion (never a zero request).
 */
export function usageSuggestions(connection: ClusterConnection, usage: readonly WorkloadContainerUsage[], contextNamespace: string): RequestSuggestion[] {
  const { estimateQuantities } = loadLintModule();
  const suggestions: RequestSuggestion[] = [];
  for (const entry of usage) {
    const recommendation = entry.recommendation;
    if (recommendation === undefined) continue;
    const kind = workloadRequests(connection, entry.namespace, entry.workload)?.kind ?? '*';
    const base = {
      kind,
      name: entry.workload,
      container: entry.container,
      requests: estimateQuantities(recommendation.target),
      lowerBound: estimateQuantities(recommendation.lowerBound),
      upperBound: estimateQuantities(recommendation.upperBound),
    };
    suggestions.push({ ...base, namespace: entry.namespace });
    if (entry.namespace === contextNamespace) suggestions.push({ ...base, namespace: undefined });
  }
  return suggestions;
}
