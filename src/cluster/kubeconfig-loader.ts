// Reads and merges kubeconfig files the way kubectl does (first file to define a name wins, the
// first current-context wins; missing files are skipped), through client-node's KubeConfig so that
// its auth plugins (exec, OIDC, cloud providers) and relative certificate paths work as they do there.
import { closeSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { err, ok, type Result } from '../core/result.ts';
import { displayUrl } from '../core/text/url-credentials.ts';
import type { ClusterError } from './cluster-error.ts';

// Thousands of contexts with embedded certificates stay far below this; /dev/zero or a log file
// named by mistake would otherwise be read until memory runs out.
const MAX_KUBECONFIG_BYTES = 64 * 1024 * 1024;

export interface ContextSummary {
  readonly name: string;
  readonly cluster: string;
  readonly user: string;
  /** The context's namespace, '' when it sets none. */
  readonly namespace: string;
  /** The API server URL, with any user name and password in it cut out: safe to show. */
  readonly server: string;
}

export interface LoadedKubeconfig {
  /** The files that existed and were read, in precedence order. */
  readonly files: readonly string[];
  /** The files asked for that do not exist (kubectl skips them too). */
  readonly missing: readonly string[];
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

/** The file's text, read in pieces up to the bound (it may be a pipe, so its size is not asked). */
function readBounded(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(65_536);
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks).toString('utf8');
      total += read;
      if (total > MAX_KUBECONFIG_BYTES) throw Object.assign(new Error(`larger than ${MAX_KUBECONFIG_BYTES / 1024 / 1024} MB`), { code: 'EFBIG' });
      chunks.push(chunk.subarray(0, read));
    }
  } finally {
    closeSync(descriptor);
  }
}

function readOne(file: string): Result<KubeConfig | undefined, ClusterError> {
  let content: string;
  try {
    content = readBounded(file);
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
  const missing: string[] = [];
  for (const path of paths) {
    const result = readOne(path);
    if (!result.ok) return result;
    if (result.value === undefined) missing.push(path);
    else {
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
    missing,
    currentContext,
    contexts: contexts.map((context) => ({
      name: context.name,
      cluster: context.cluster,
      user: context.user,
      namespace: context.namespace ?? '',
      server: displayUrl(clusters.find((cluster) => cluster.name === context.cluster)?.server ?? ''),
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
  if (loaded.files.length === 0 && loaded.missing.length > 0) {
    return err({ kind: 'kubeconfig', message: `no kubeconfig file: ${loaded.missing.join(', ')} ${loaded.missing.length === 1 ? 'does' : 'do'} not exist` });
  }
  const context = requested || loaded.currentContext;
  const summary = loaded.contexts.find((candidate) => candidate.name === context);
  if (summary !== undefined) return ok(summary);
  const known = loaded.contexts.map((candidate) => candidate.name).join(', ') || 'none';
  return err({ kind: 'kubeconfig', message: context === '' ? 'the kubeconfig sets no current context (use --context)' : `no context "${context}" in the kubeconfig (contexts: ${known})` });
}
