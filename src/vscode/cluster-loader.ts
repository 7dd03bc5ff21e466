// The cluster service lives in its own bundle, dist/cluster.js: client-node takes ~80 ms to load,
// more than the whole activation budget, so it is required on first use, not at activation.
import { join } from 'node:path';
import type * as ClusterModule from '../cluster/index.ts';

export type { ClusterModule };
export type { ClusterConnection, ClusterError, ClusterService, ContextSummary, ResourceState } from '../cluster/index.ts';

let loaded: typeof ClusterModule | undefined;

export function loadClusterModule(): typeof ClusterModule {
  // A computed path keeps esbuild from bundling it into dist/extension.js; require, not import(),
  // because the bundles are CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(join(__dirname, 'cluster.js')) as typeof ClusterModule;
  return loaded;
}
