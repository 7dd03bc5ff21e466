// `kube-workbench fit`: would the workloads of a manifest fit the cluster captured in a snapshot
// (`kubectl get nodes,pods -A -o json`) or a live one? The placement itself is src/core/allocator's fit check.
import { parseArgs } from 'node:util';
import { boundPodFromObject, fitNodeFromObject, fitPodFromSpec, nodeStates } from '../core/allocator/fit-input.ts';
import type { FitNode, FitPod, NodeState } from '../core/allocator/fit-types.ts';
import { fitWorkload, type WorkloadFit } from '../core/allocator/fit-workload.ts';
import { textTable } from '../core/allocator/text-table.ts';
import { workloadTemplate } from '../core/allocator/workload-template.ts';
import { terminalField } from '../core/text/terminal-text.ts';
import { CappedReport } from './capped-report.ts';
import { listLiveCluster } from './fit-live.ts';
import { MAX_SNAPSHOT_BYTES, readSnapshot } from './fit-inputs.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';
import { MAX_MANIFEST_BYTES, readManifestObjects, sizeText } from './read-input.ts';
import { UsageError } from './usage-error.ts';

const help = `Usage: kube-workbench fit FILE --snapshot SNAP.json [--format table|json]
       kube-workbench fit FILE [--kubeconfig FILE] [--context NAME] [--format table|json]

Checks whether the replicas of each workload in FILE fit the cluster in SNAP.json (what
\`kubectl get nodes,pods -A -o json\` prints) or, without --snapshot, the nodes and pods of a live
context, the way the scheduler's filters decide: requests (max of init containers vs. the sum of
the others, plus overhead) against allocatable minus the requests of bound pods, taints and
tolerations, nodeSelector.

  --snapshot FILE     nodes and pods as JSON (a List, as kubectl prints it)
  --kubeconfig FILE   kubeconfig to read (default: KUBECONFIG, else ~/.kube/config)
  --context NAME      context to use (default: the current context)
  --format FORMAT     table (default) or json (one object per workload and line)

FILE may hold at most ${sizeText(MAX_MANIFEST_BYTES)}, SNAP.json ${sizeText(MAX_SNAPSHOT_BYTES)}.

Exit codes: 0 every replica fits, 1 some do not, 2 usage or I/O error, an invalid input (a
snapshot without Nodes, a replica count that is not a whole number), or the cluster unreachable.
`;

/** How long a live cluster may take to list its nodes and pods. */
const liveTimeoutMs = 60_000;

type ClusterSource = { readonly snapshot: string } | { readonly kubeconfig: string | undefined; readonly context: string | undefined };

interface FitOptions {
  readonly manifest: string;
  readonly cluster: ClusterSource;
  readonly format: 'table' | 'json';
}

/** Undefined for --help; a usage error throws, and runCli turns it into one line and exit 2. */
function parseOptions(args: readonly string[]): FitOptions | undefined {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      snapshot: { type: 'string' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) return undefined;
  const [manifest, ...extra] = positionals;
  if (manifest === undefined || extra.length > 0) throw new UsageError('give exactly one manifest FILE');
  if (values.snapshot !== undefined && (values.kubeconfig !== undefined || values.context !== undefined)) {
    throw new UsageError('give --snapshot or --kubeconfig/--context, not both');
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not '${format}'`);
  const cluster = values.snapshot === undefined ? { kubeconfig: values.kubeconfig, context: values.context } : { snapshot: values.snapshot };
  return { manifest, cluster, format };
}

/** Nodes and the pods bound to them, from Node and Pod objects; `source` names where they came from in warnings. */
function clusterNodes(nodeObjects: readonly unknown[], podObjects: readonly unknown[], source: string, io: CliIo): NodeState[] {
  const nodes: FitNode[] = [];
  const report = new CappedReport(io.stderr);
  for (const object of nodeObjects) {
    const { node, issues } = fitNodeFromObject(object);
    for (const issue of issues) report.add(`${source}: node ${node?.name ?? '?'}: ${issue.path}: ${issue.message}`);
    if (node !== undefined) nodes.push(node);
  }
  report.finish(source, 'node issues');
  const pods: { nodeName: string; pod: FitPod }[] = [];
  for (const object of podObjects) {
    const bound = boundPodFromObject(object);
    if (bound !== undefined) pods.push(bound);
  }
  return nodeStates(nodes, pods);
}

/** Undefined when the cluster could not be read (the reason already written). */
async function readCluster(source: ClusterSource, io: CliIo): Promise<NodeState[] | undefined> {
  if ('snapshot' in source) {
    const { nodes, pods } = await readSnapshot(source.snapshot);
    return clusterNodes(nodes, pods, source.snapshot, io);
  }
  const live = await listLiveCluster({ ...source, timeoutMs: liveTimeoutMs });
  if (!live.ok) {
    io.stderr(`kube-workbench fit: ${live.error.message}\n`);
    return undefined;
  }
  return clusterNodes(live.value.nodes, live.value.pods, `context ${live.value.context}`, io);
}

interface Checked {
  readonly name: string;
  readonly kind: string;
  readonly fit: WorkloadFit;
}

function perNodeText(perNode: Readonly<Record<string, number>>): string {
  const entries = Object.entries(perNode);
  return entries.length === 0 ? '-' : entries.map(([node, count]) => `${node}: ${count}`).join(', ');
}

function print(checked: readonly Checked[], format: FitOptions['format'], io: CliIo): void {
  if (format === 'json') {
    for (const { name, kind, fit } of checked) {
      const { requested, fits, perNode, blockedBy, neverFits, message } = fit;
      io.stdout(`${JSON.stringify({ workload: name, kind, requested, fits, perNode, blockedBy, neverFits, ...(message === undefined ? {} : { message }) })}\n`);
    }
    return;
  }
  const rows = checked.map(({ name, kind, fit }) => [
    `${kind}/${name}`,
    String(fit.requested),
    String(fit.fits),
    fit.neverFits ? 'never fits' : (fit.blockedBy ?? '-'),
    perNodeText(fit.perNode),
  ]);
  io.stdout(textTable(['WORKLOAD', 'REPLICAS', 'FIT', 'BLOCKED BY', 'PER NODE'], rows));
  for (const { name, kind, fit } of checked) if (fit.message !== undefined) io.stdout(`${terminalField(`${kind}/${name}: ${fit.message}`)}\n`);
}

/** A manifest's value in a message: scalars as written (cut short), collections by their shape. */
function valueText(value: unknown): string {
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

async function runFit(options: FitOptions, io: CliIo): Promise<ExitCode> {
  const objects = await readManifestObjects(options.manifest);
  const nodes = await readCluster(options.cluster, io);
  if (nodes === undefined) return ExitCode.usage;
  const checked: Checked[] = [];
  const report = new CappedReport(io.stderr);
  let invalid = 0;
  for (const object of objects) {
    const template = workloadTemplate(object);
    if (template === undefined) continue;
    const name = `${template.namespace}/${template.name}`;
    const where = `${options.manifest}: ${template.kind}/${name}`;
    if (template.invalidCount !== undefined) {
      // Counting it as the API's default would answer for a number of replicas nobody asked for.
      report.add(`${where}: ${template.invalidCount.path} must be a whole number from 0, not ${valueText(template.invalidCount.value)}; not checked`);
      invalid += 1;
      continue;
    }
    if (template.replicas === undefined) {
      report.add(`${where}: runs one pod per node; not checked`);
      continue;
    }
    const { pod, issues } = fitPodFromSpec(template.podSpec);
    for (const issue of issues) report.add(`${where}: ${issue.path}: ${issue.message}`);
    checked.push({ name, kind: template.kind, fit: fitWorkload(pod, template.replicas, nodes) });
  }
  report.finish(options.manifest, 'notes');
  if (checked.length === 0 && invalid === 0) {
    io.stderr(`${options.manifest}: no workload with a replica count found\n`);
    return ExitCode.usage;
  }
  if (checked.length > 0) print(checked, options.format, io);
  if (invalid > 0) return ExitCode.usage;
  return checked.every(({ fit }) => fit.fits === fit.requested) ? ExitCode.ok : ExitCode.failure;
}

export const fitCommand: Subcommand = {
  name: 'fit',
  summary: 'check whether workloads fit the nodes of a cluster or a snapshot of one',
  run: async (args, io) => {
    const options = parseOptions(args);
    if (options !== undefined) return runFit(options, io);
    io.stdout(help);
    return ExitCode.ok;
  },
};
