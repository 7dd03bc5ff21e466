// What the connected cluster tells the linter: the largest node's allocatable (request-exceeds-node)
// and the kinds its CRDs serve (unknown-kind). Read from the current context's cache if the Explorer
// has connected it; never a reason to connect.
import type { ClusterFacts } from '../../core/lint/index.ts';
import { largestAllocatable } from '../../core/cluster/resource-text.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';

export function clusterFactsFrom(clusters: ClusterServiceHolder): ClusterFacts | undefined {
  const service = clusters.peek();
  const config = service?.config;
  if (service === undefined || config === undefined || !config.ok) return undefined;
  const connection = service.connection(config.value.currentContext);
  if (connection === undefined || connection.state('nodes').phase !== 'synced') return undefined;
  const largest = largestAllocatable(connection.nodes.values());
  const knownKinds = [...connection.crds.values()]
    .filter((crd) => crd.version !== '')
    .map((crd) => ({ apiVersion: `${crd.group}/${crd.version}`, kind: crd.kind, namespaced: crd.namespaced }));
  return { ...(largest === undefined ? {} : { largestNodeAllocatable: largest }), knownKinds };
}
