// The usage history as the linter's request suggestions, with the workload's kind when the cluster's
// cache knows it.
import type { RequestSuggestion } from '../../core/editor-core.ts';
import type { ClusterAutoscalers } from '../../cluster/usage/autoscalers.ts';
import type { WorkloadContainerUsage } from '../../cluster/usage/usage-types.ts';
import { loadCoreModule, type ClusterConnection } from '../bundle-loader.ts';
import { workloadRequests } from './workload-lookup.ts';

/**
 * `contextNamespace` also matches manifests that set no namespace: `kubectl apply` puts them there.
 * Containers without enough data give no suggestion (never a zero request).
 */
export function usageSuggestions(connection: ClusterConnection, usage: readonly WorkloadContainerUsage[], contextNamespace: string, autoscalers?: ClusterAutoscalers): RequestSuggestion[] {
  const { requestSuggestion, requestTexts } = loadCoreModule();
  return usage.flatMap(({ namespace, workload, container, recommendation, explanation }) => {
    if (recommendation === undefined) return [];
    const kind = workloadRequests(connection, namespace, workload)?.kind ?? '*';
    const source = { kind, name: workload, container, recommendation, explanation };
    const vpa = autoscalers?.vpas.find(namespace, workload, kind === '*' ? '' : kind);
    const target = vpa?.containers.get(container)?.target;
    // Only the resources the VPA recommends: it may leave one out.
    const requests = target === undefined ? {} : requestTexts(target);
    const withVpa = (suggestion: RequestSuggestion): RequestSuggestion => (vpa === undefined || Object.keys(requests).length === 0 ? suggestion : { ...suggestion, vpa: { name: vpa.name, requests } });
    return [withVpa(requestSuggestion({ ...source, namespace })), ...(namespace === contextNamespace ? [withVpa(requestSuggestion({ ...source, namespace: undefined }))] : [])];
  });
}
