// `kube-workbench health`: the node health table of a context in the terminal: heartbeat-based
// health, heartbeat age, pods, allocatable and requested CPU and memory.
import { parseArgs } from 'node:util';
import { textTable } from '../core/allocator/text-table.ts';
import { summarizeNode } from '../core/cluster/node-summary.ts';
import { cpuText as cpu, memoryText as memory } from '../core/cluster/resource-text.ts';
import { snapshotContext } from '../cluster/snapshot.ts';
import { clusterFlags, clusterTimeoutMs, tableOrJson } from './cluster-flags.ts';
import { cliKubeconfigPaths } from './kubeconfig-flag.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';

const help = `Usage: kube-workbench health [--kubeconfig FILE] [--context NAME] [--format table|json] [--timeout SECONDS]

Lists the nodes of a context with their health, judged from heartbeats as the node lifecycle
controller does (the node Lease and the Ready condition, 50 s grace period), pods, allocatable and
requested CPU and memory.

  --kubeconfig FILE   kubeconfig to read (default: KUBECONFIG, else ~/.kube/config)
  --context NAME      context to use (default: the current context)
  --format FORMAT     table (default) or json
  --timeout SECONDS   how long to wait for the cluster, 1 to 3600 (default 60)

Exit codes: 0 every node Ready, 1 some node is NotReady or Unknown, 2 usage error or cluster unreachable.
`;

async function run(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: clusterFlags,
    strict: true,
  });
  if (values.help === true) {
    io.stdout(help);
    return ExitCode.ok;
  }
  const format = tableOrJson(values.format);
  const snapshot = await snapshotContext({ kubeconfigPaths: cliKubeconfigPaths(values.kubeconfig), context: values.context ?? '', resources: ['nodes', 'leases', 'pods'], timeoutMs: clusterTimeoutMs(values.timeout) });
  if (!snapshot.ok) {
    io.stderr(`kube-workbench health: ${snapshot.error.message}\n`);
    return ExitCode.usage;
  }
  const connection = snapshot.value;
  const now = Date.now();
  const nodes = [...connection.nodes.values()]
    .sort((a, b) => a.meta.name.localeCompare(b.meta.name))
    .map((node) => ({ node, summary: summarizeNode(node, connection.leases.get('kube-node-lease', node.meta.name), connection.pods.byIndex('node', node.meta.name), now) }));
  connection.dispose();
  if (format === 'json') {
    const report = {
      context: connection.context,
      nodes: nodes.map(({ node, summary }) => ({
        name: node.meta.name,
        health: summary.health.health,
        heartbeatAgeSeconds: summary.health.heartbeatAgeSeconds ?? null,
        reason: summary.health.reason,
        pods: summary.pods,
        allocatable: { cpu: cpu(node.allocatable.cpu), memory: memory(node.allocatable.memoryBytes) },
        requested: { cpu: cpu(summary.requestedCpu), memory: memory(summary.requestedMemoryBytes) },
      })),
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout(
      textTable(
        ['NAME', 'HEALTH', 'HEARTBEAT', 'PODS', 'CPU REQUESTED', 'MEMORY REQUESTED', 'REASON'],
        nodes.map(({ node, summary }) => [
          node.meta.name,
          summary.health.health,
          summary.health.heartbeatAgeSeconds === undefined ? '-' : `${summary.health.heartbeatAgeSeconds}s`,
          `${summary.pods}/${summary.podCapacity}`,
          `${cpu(summary.requestedCpu)}/${cpu(node.allocatable.cpu)} (${Math.round(summary.cpuFraction * 100)}%)`,
          `${memory(summary.requestedMemoryBytes)}/${memory(node.allocatable.memoryBytes)} (${Math.round(summary.memoryFraction * 100)}%)`,
          summary.health.reason,
        ]),
      ),
    );
  }
  return nodes.every(({ summary }) => summary.health.health === 'Ready') ? ExitCode.ok : ExitCode.failure;
}

export const healthCommand: Subcommand = { name: 'health', summary: 'node health from heartbeats, pods and requested capacity', run };
