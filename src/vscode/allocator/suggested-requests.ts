// Deploy Image's requests, pre-filled from the allocator when a workload of that name already ran:
// its observed usage says more than any default.
import { loadCoreModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';

export function suggestedRequests(clusters: ClusterServiceHolder, context: string, namespace: string, name: string): { cpu: string; memory: string } | undefined {
  const entries = (clusters.peek()?.usage?.usage(context) ?? []).filter((entry) => entry.namespace === namespace && entry.workload === name && entry.recommendation !== undefined);
  // Deploy builds one container named after the workload; otherwise only an unambiguous one will do.
  const entry = entries.find((candidate) => candidate.container === name) ?? (entries.length === 1 ? entries[0] : undefined);
  return entry?.recommendation === undefined ? undefined : loadCoreModule().estimateQuantities(entry.recommendation.target);
}
