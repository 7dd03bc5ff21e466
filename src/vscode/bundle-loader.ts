// The heavy parts live in their own bundles and are required on first use, not at activation:
// dist/cluster.js (client-node takes ~80 ms to load, more than the whole activation budget) and
// dist/core.js (the pure core the editor needs: the lint rules, js-yaml and the schema snapshot, and the
// describe, kubeconfig-edit and allocator-formatting functions), dist/schema-data.js (the versioned
// schema with descriptions, ~1 MB: completion and hover only) and dist/commands.js (every command's
// handler, required when the first command runs: lazy-commands.ts) and dist/kustomize-renders.js (the
// editor's kustomize renders, required with the first kustomization: lazy-kustomize-renders.ts).
import { join } from 'node:path';
import type * as ClusterModule from '../cluster/index.ts';
import type * as SchemaDataModule from '../core/authoring/load-schema-data.ts';
import type * as CoreModule from '../core/editor-core.ts';
import type * as CommandsModule from './commands/register-commands.ts';
import type * as KustomizeRendersModule from './diagnostics/kustomize-renders.ts';

export type { ClusterConnection, ClusterError, ClusterService, ContextSummary, ResourceState } from '../cluster/index.ts';

function lazyBundle<T>(file: string): () => T {
  let loaded: T | undefined;
  // A computed path keeps esbuild from bundling it into dist/extension.js; require, not import(),
  // because the bundles are CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return () => (loaded ??= require(join(__dirname, file)) as T);
}

export const loadClusterModule = lazyBundle<typeof ClusterModule>('cluster.js');
export const loadCoreModule = lazyBundle<typeof CoreModule>('core.js');
export const loadSchemaDataModule = lazyBundle<typeof SchemaDataModule>('schema-data.js');
export const loadCommandsModule = lazyBundle<typeof CommandsModule>('commands.js');
export const loadKustomizeRendersModule = lazyBundle<typeof KustomizeRendersModule>('kustomize-renders.js');
