// Reads and merges kubeconfig files the way kubectl does (first file to define a name wins, the
// first current-context wins; missing files are skipped), through client-node's KubeConfig so that
// its auth plugins (exec, OIDC, cloud providers) and relative certificate paths work as they do there.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { err, ok, type Result } from '../core/result.ts';
import type { ClusterError } from './cluster-error.ts';

export interface ContextSummary {
  readonly name: string;
  readonly cluster: string;
  readonly user: string;
  /** The context's namespace, '' when it sets none. */
  readonly namespace: string;
  /** The API server URL; no credentials. */
  readonly server: string;
}

export interface LoadedKubeconfig {
  /** The files that existed and were read, in precedence order. */
  readonly files: readonly string[];
  readonly contexts: readonly ContextSummary[];
  readonly currentContext: string;
  /** A KubeConfig whose current context is `context`: what every request for it is made with. */
  forContext(context: string): KubeConfig;
}

/** A YAML error's line (js-yaml's mark), without the source snippet, which could hold a token. */
function describeParseError(file: string, error: unknown): string {
  const mark = (error as { mark?: { line?: number } }).mark;
  const reason = (error as { reason?: string }).reason;
  if (mark?.line !== undefined) return `${file}:${mark.line + 1}: ${reason ?? 'invalid YAML'}`;
  return `${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}

function readOne(file: string): Result<KubeConfig | undefined, ClusterError> {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return ok(undefined);
    return err({ kind: 'kubeconfig', message: `cannot read kubeconfig ${file}: ${(error as Error).message}` });
  }
  const config = new KubeConfig();
  if (content.trim() === '') return ok(config);
  try {
    config.loadFromString(content);
    config.makePathsAbsolute(dirname(file));
  } catch (error) {
    return err({ kind: 'kubeconfig', message: `kubeconfig does not parse: ${describeParseError(file, error)}` });
  }
  return ok(config);
}

function firstByName<T extends { name: string }>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const entry of list) if (!seen.has(entry.name)) seen.set(entry.name, entry);
  return [...seen.values()];
}

export function loadKubeconfig(paths: readonly string[]): Result<LoadedKubeconfig, ClusterError> {
  const configs: KubeConfig[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const result = readOne(path);
    if (!result.ok) return result;
    if (result.value !== undefined) {
      configs.push(result.value);
      files.push(path);
    }
  }
  const clusters: Cluster[] = firstByName(configs.map((config) => config.clusters));
  const users: User[] = firstByName(configs.map((config) => config.users));
  const contexts: Context[] = firstByName(configs.map((config) => config.contexts));
  const currentContext = configs.map((config) => config.currentContext).find((name) => typeof name === 'string' && name !== '') ?? '';
  return ok({
    files,
    currentContext,
    contexts: contexts.map((context) => ({
      name: context.name,
      cluster: context.cluster,
      user: context.user,
      namespace: context.namespace ?? '',
      server: clusters.find((cluster) => cluster.name === context.cluster)?.server ?? '',
    })),
    forContext(context) {
      const config = new KubeConfig();
      config.loadFromOptions({ clusters, users, contexts, currentContext: context });
      return config;
    },
  });
}

/** The named context (the current one when `requested` is empty), or an error listing the known ones. */
export function resolveContext(loaded: LoadedKubeconfig, requested: string): Result<ContextSummary, ClusterError> {
  const context = requested || loaded.currentContext;
  const summary = loaded.contexts.find((candidate) => candidate.name === context);
  if (summary !== undefined) return ok(summary);
  const known = loaded.contexts.map((candidate) => candidate.name).join(', ') || 'none';
  return err({ kind: 'kubeconfig', message: context === '' ? 'the kubeconfig sets no current context (use --context)' : `no context "${context}" in the kubeconfig (contexts: ${known})` });
}
