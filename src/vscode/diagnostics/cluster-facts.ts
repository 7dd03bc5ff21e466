// What the connected cluster tells the linter: the largest node's allocatable (request-exceeds-node),
// the kinds its CRDs serve (unknown-kind), its namespaces' Pod Security labels (the pss-* rules) and
// the allocator's suggestions from observed usage (request-suggestion). Read from the current
// context's cache if the Explorer has connected it; never a reason to connect.
import type { ClusterFacts } from '../../core/editor-core.ts';
import { largestAllocatable } from '../../core/cluster/resource-text.ts';
import type { UsageSuggestionCache } from '../allocator/usage-suggestion-cache.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { readConfig } from '../config.ts';
import type { NamespaceLabels } from './namespace-labels.ts';

export function clusterFactsFrom(clusters: ClusterServiceHolder, suggestionCache: UsageSuggestionCache, namespaces: NamespaceLabels): ClusterFacts | undefined {
  const service = clusters.peek();
  const config = service?.config;
  if (service === undefined || config === undefined || !config.ok) return undefined;
  const context = config.value.currentContext;
  const connection = service.connection(context);
  if (connection === undefined || connection.state('nodes').phase !== 'synced') return undefined;
  const largest = largestAllocatable(connection.nodes.values());
  const knownKinds = [...connection.crds.values()]
    .filter((crd) => crd.version !== '')
    .map((crd) => ({ apiVersion: `${crd.group}/${crd.version}`, kind: crd.kind, namespaced: crd.namespaced }));
  const suggestions = suggestionCache.suggestions(context);
  const namespaceLabels = namespaces.labels(connection);
  return {
    ...(largest === undefined ? {} : { largestNodeAllocatable: largest }),
    knownKinds,
    ...(namespaceLabels === undefined ? {} : { namespaceLabels }),
    ...(suggestions.length === 0 ? {} : { suggestions, suggestionTolerance: readConfig().allocatorTolerance }),
  };
}
