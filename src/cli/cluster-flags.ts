// The flags of the subcommands that read a cluster (health, events): which kubeconfig and context,
// the output format and how long to wait for the cluster.
import { numberFlag } from './number-flag.ts';
import { UsageError } from './usage-error.ts';

export const clusterFlags = {
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  format: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** --format: table (default) or json. */
export function tableOrJson(format: string | undefined): 'table' | 'json' {
  const chosen = format ?? 'table';
  if (chosen !== 'table' && chosen !== 'json') throw new UsageError(`--format must be table or json, not '${chosen}'`);
  return chosen;
}

/** --timeout SECONDS (1 to 3600, default 60), in milliseconds. */
export function clusterTimeoutMs(timeout: string | undefined): number {
  return numberFlag('timeout', timeout, 60, { min: 1, max: 3600, whole: false }) * 1000;
}
