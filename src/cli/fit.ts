// `kube-workbench fit`: would the workloads of a manifest fit the cluster captured in a snapshot
// (`kubectl get nodes,pods -A -o json`)? The placement itself is src/core/allocator's fit check.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadAll } from 'js-yaml';
import { boundPodFromObject, fitNodeFromObject, fitPodFromSpec, nodeStates } from '../core/allocator/fit-input.ts';
import type { FitNode, FitPod, NodeState } from '../core/allocator/fit-types.ts';
import { fitWorkload, type WorkloadFit } from '../core/allocator/fit-workload.ts';
import { textTable } from '../core/allocator/text-table.ts';
import { workloadTemplate } from '../core/allocator/workload-template.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';

const help = `Usage: kube-workbench fit FILE --snapshot SNAP.json [--format table|json]

Checks whether the replicas of each workload in FILE fit the cluster in SNAP.json (what
\`kubectl get nodes,pods -A -o json\` prints), the way the scheduler's filters decide: requests
(max of init containers vs. the sum of the others, plus overhead) against allocatable minus the
requests of bound pods, taints and tolerations, nodeSelector.

  --snapshot FILE    nodes and pods as JSON (a List, as kubectl prints it)
  --format FORMAT    table (default) or json (one object per workload and line)

Exit codes: 0 every replica fits, 1 some do not, 2 usage or I/O error.
(A live cluster through --kubeconfig/--context is not supported yet.)
`;

interface FitOptions {
  readonly manifest: string;
  readonly snapshot: string;
  readonly format: 'table' | 'json';
}

/** Undefined for --help; a usage error throws, and runCli turns it into one line and exit 2. */
function parseOptions(args: readonly string[]): FitOptions | undefined {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { snapshot: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) return undefined;
  const [manifest, ...extra] = positionals;
  if (manifest === undefined || extra.length > 0) throw new Error('give exactly one manifest FILE');
  if (values.snapshot === undefined) throw new Error('--snapshot SNAP.json is required');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new Error(`--format must be table or json, not '${format}'`);
  return { manifest, snapshot: values.snapshot, format };
}

/** Nodes and the pods bound to them, from a kubectl List (or a single Node or Pod object). */
function snapshotNodes(text: string, path: string, io: CliIo): NodeState[] {
  const parsed = JSON.parse(text) as { kind?: unknown; items?: unknown };
  const items: unknown[] = Array.isArray(parsed.items) ? parsed.items : [parsed];
  const nodes: FitNode[] = [];
  const pods: { nodeName: string; pod: FitPod }[] = [];
  for (const item of items) {
    const kind = (item as { kind?: unknown } | null)?.kind;
    if (kind === 'Node') {
      const { node, issues } = fitNodeFromObject(item);
      for (const issue of issues) io.stderr(`${path}: node ${node?.name ?? '?'}: ${issue.path}: ${issue.message}\n`);
      if (node !== undefined) nodes.push(node);
    } else if (kind === 'Pod') {
      const bound = boundPodFromObject(item);
      if (bound !== undefined) pods.push(bound);
    }
  }
  return nodeStates(nodes, pods);
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
  for (const { name, kind, fit } of checked) if (fit.message !== undefined) io.stdout(`${kind}/${name}: ${fit.message}\n`);
}

async function runFit(options: FitOptions, io: CliIo): Promise<ExitCode> {
  const nodes = snapshotNodes(await readFile(options.snapshot, 'utf8'), options.snapshot, io);
  const checked: Checked[] = [];
  for (const object of loadAll(await readFile(options.manifest, 'utf8'))) {
    const template = workloadTemplate(object);
    if (template === undefined) continue;
    const name = `${template.namespace}/${template.name}`;
    if (template.replicas === undefined) {
      io.stderr(`${options.manifest}: ${template.kind}/${name}: runs one pod per node; not checked\n`);
      continue;
    }
    const { pod, issues } = fitPodFromSpec(template.podSpec);
    for (const issue of issues) io.stderr(`${options.manifest}: ${template.kind}/${name}: ${issue.path}: ${issue.message}\n`);
    checked.push({ name, kind: template.kind, fit: fitWorkload(pod, template.replicas, nodes) });
  }
  if (checked.length === 0) {
    io.stderr(`${options.manifest}: no workload with a replica count found\n`);
    return ExitCode.usage;
  }
  print(checked, options.format, io);
  return checked.every(({ fit }) => fit.fits === fit.requested) ? ExitCode.ok : ExitCode.failure;
}

export const fitCommand: Subcommand = {
  name: 'fit',
  summary: 'check whether workloads fit the nodes of a cluster snapshot',
  run: async (args, io) => {
    const options = parseOptions(args);
    if (options !== undefined) return runFit(options, io);
    io.stdout(help);
    return ExitCode.ok;
  },
};
