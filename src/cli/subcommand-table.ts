// The subcommands of `kube-workbench`, each imported only when it runs (see lazy-subcommand.ts).
import { join } from 'node:path';
import type * as ClusterCommands from './cluster-commands.ts';
import { lazySubcommand } from './lazy-subcommand.ts';
import type { Subcommand } from './main.ts';

// A variable, not a literal, so that esbuild leaves this import to run time instead of bundling it.
const clusterCommandsSource = './cluster-commands.ts';

/**
 * The cluster subcommands: in the bundle (CommonJS, where __dirname exists) dist/cli-cluster.js beside
 * dist/cli.js, its own esbuild entry; from the sources, their module.
 */
async function clusterCommands(): Promise<typeof ClusterCommands> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (typeof __dirname === 'string') return require(join(__dirname, 'cli-cluster.js')) as typeof ClusterCommands;
  return (await import(clusterCommandsSource)) as typeof ClusterCommands;
}

// The summaries are repeated here so that `--help` loads no subcommand; subcommand-table.test.ts checks
// that they match the modules' own.
export const subcommands: readonly Subcommand[] = [
  lazySubcommand('lint', 'lint Kubernetes manifests (text, json or sarif output) for CI', async () => (await import('./lint.ts')).lintCommand),
  lazySubcommand('rules', 'print the lint rule catalogue (markdown or json)', async () => (await import('./rules.ts')).rulesCommand),
  lazySubcommand('health', 'node health from heartbeats, pods and requested capacity', async () => (await clusterCommands()).healthCommand),
  lazySubcommand('events', 'recent events of a context, an object or a namespace; --watch follows them', async () => (await clusterCommands()).eventsCommand),
  lazySubcommand('suggest', "recommend CPU/memory requests from observed usage or a cluster's Prometheus (VPA-style)", async () => (await clusterCommands()).suggestCommand),
  lazySubcommand('fit', 'check whether workloads fit the nodes of a cluster or a snapshot of one', async () => (await clusterCommands()).fitCommand),
  lazySubcommand('port-forward', 'forward a local port to a pod, Service or workload, moving to the next ready pod when one dies', async () => (await clusterCommands()).portForwardCommand),
  lazySubcommand('sim', 'run a simulated Kubernetes cluster on 127.0.0.1 for kubectl, the extension and tests', async () => (await clusterCommands()).simCommand),
];
