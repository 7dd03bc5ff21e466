// What the connected cluster adds to completion: its version (the default target) and the names its
// cache already holds. Read from the current context's connection if something opened it; never a
// reason to connect, and never a Secret's data (the cache keeps names only).
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { ClusterConnection } from '../bundle-loader.ts';

export interface ClusterAuthoring {
  readonly version: string | undefined;
  readonly names: Readonly<Record<string, readonly string[]>>;
  /** `apiVersion Kind` of the custom resources its CRDs serve. */
  readonly kinds: readonly string[];
}

/** The current context's connection, if something opened it (authoring never connects). */
export function connected(clusters: ClusterServiceHolder): ClusterConnection | undefined {
  const service = clusters.peek();
  const config = service?.config;
  if (service === undefined || config === undefined || !config.ok) return undefined;
  return service.connection(config.value.currentContext);
}

export function clusterAuthoring(clusters: ClusterServiceHolder): ClusterAuthoring {
  const connection = connected(clusters);
  if (connection === undefined) return { version: undefined, names: {}, kinds: [] };
  const names: Record<string, string[]> = {};
  const add = (kind: string, name: string): void => {
    (names[kind] ??= []).push(name);
  };
  for (const [kind, store] of Object.entries(connection.listed)) for (const item of store.values()) add(kind, item.meta.name);
  for (const kind of ['Deployment', 'StatefulSet', 'Service', 'ConfigMap'] as const) for (const item of connection.workloads[kind].values()) add(kind, item.meta.name);
  // Through the namespace index, built once and kept current: no scan of every pod per completion.
  names['Namespace'] = [...connection.pods.indexValues('namespace')];
  const kinds = [...connection.crds.values()].filter((crd) => crd.version !== '').map((crd) => `${crd.group}/${crd.version} ${crd.kind}`);
  return { version: connection.serverVersion, names, kinds };
}
