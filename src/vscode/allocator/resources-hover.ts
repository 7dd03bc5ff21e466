// Hovering a container's `resources:` shows what the allocator makes of its observed usage: target,
// bounds and today's requests side by side, with eight days of CPU and memory drawn as sparklines;
// without usage yet, which source is missing and why. The workload is named in the namespace
// `kubectl apply` would put it in.
import * as vscode from 'vscode';
import type { Estimate, UsageStatus, WorkloadContainerUsage } from '../../cluster/usage/usage-types.ts';
import type { ContainerResourcesAt, RightSizingRow } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { readConfig } from '../config.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { autoscalerLookups } from './autoscaler-lookups.ts';
import { missingUsageText } from './usage-status-text.ts';
import { workloadRequests } from './workload-lookup.ts';

const SPARKLINE_WIDTH = 48;
// Each sparkline is scaled to its own peak, so the daily shape shows; the numbers say how far below
// (or above) the target it runs.

function formatted(estimate: Estimate): { cpu: string; memory: string } {
  return loadCoreModule().estimateQuantities(estimate);
}

/** The namespace a manifest's workload lands in, and why: kubectl's order. */
interface Placement {
  readonly namespace: string;
  /** Undefined when the manifest sets it. */
  readonly why: string | undefined;
}

function placement(at: ContainerResourcesAt, contextNamespace: string): Placement {
  // An empty namespace in a manifest is no namespace to kubectl.
  if (at.namespace) return { namespace: at.namespace, why: undefined };
  if (contextNamespace !== '') return { namespace: contextNamespace, why: 'the manifest sets no namespace, so `kubectl apply` uses the context\'s' };
  return { namespace: 'default', why: 'neither the manifest nor the context sets a namespace, so `kubectl apply` uses `default`' };
}

/** What the guardrails add: suggested limits, the cluster VPA's target, and why the target is what it is. */
function guardrailLines(row: RightSizingRow | undefined): { table: string[]; notes: string[] } {
  if (row === undefined) return { table: [], notes: [] };
  const table: string[] = [];
  if (row.limits !== undefined) {
    const limits = formatted(row.limits);
    table.push(`| Limit suggested | ${limits.cpu} | ${limits.memory} |`);
  }
  if (row.vpa !== undefined) {
    const core = loadCoreModule();
    const vpa = core.amountTexts(core.finiteAmounts(row.vpa.target), '—');
    table.push(`| VPA \`${row.vpa.vpa}\` (cluster) | ${vpa.cpu}${row.vpa.differs.cpu ? ' ≠' : ''} | ${vpa.memory}${row.vpa.differs.memory ? ' ≠' : ''} |`);
  }
  const notes = [...(row.explanation?.reasons ?? []), ...row.hpa.map((advice) => advice.message), ...(row.vpa?.reasons ?? []).map((reason) => `VPA differs: ${reason}`)];
  return { table, notes };
}

function resourcesHoverMarkdown(at: ContainerResourcesAt, where: Placement, usage: WorkloadContainerUsage | undefined, status: UsageStatus, context: string, row: RightSizingRow | undefined): string {
  const workload = `${at.kind} \`${where.namespace}/${at.name}\``;
  const subject = `container \`${at.container}\` of ${workload}`;
  const title = [`**Right-sizing** ${subject} in context \`${context}\``, ...(where.why === undefined ? [] : ['', `Namespace \`${where.namespace}\`: ${where.why}.`])].join('\n');
  if (usage?.recommendation === undefined) return `${title}\n\n${missingUsageText(status, subject, context, readConfig().allocatorPrometheusUrl)}`;
  const { lowerBound, upperBound } = usage.recommendation;
  // An HPA-held resource shows today's request as its target (the row's), the suggestion in the note.
  const target = row?.target ?? usage.recommendation.target;
  const [t, l, u] = [formatted(target), formatted(lowerBound), formatted(upperBound)];
  const guardrails = guardrailLines(row);
  const lint = loadCoreModule();
  const chart = usage.chart;
  const cpuPeak = lint.seriesPeak(chart.cpu);
  const memoryPeak = lint.seriesPeak(chart.memory);
  return [
    title,
    '',
    '| | CPU | Memory |',
    '|---|---:|---:|',
    `| Target | ${t.cpu} | ${t.memory} |`,
    `| Lower bound | ${l.cpu} | ${l.memory} |`,
    `| Upper bound | ${u.cpu} | ${u.memory} |`,
    `| Requested now | ${at.requests['cpu'] ?? '—'} | ${at.requests['memory'] ?? '—'} |`,
    `| Limit now | ${at.limits['cpu'] ?? '—'} | ${at.limits['memory'] ?? '—'} |`,
    ...guardrails.table,
    '',
    ...guardrails.notes.flatMap((note) => [`- ${note}`]),
    ...(guardrails.notes.length === 0 ? [] : ['']),
    `CPU, hourly mean over ${Math.round(chart.cpu.length / 24)} days (peak ${formatted({ cpu: cpuPeak, memory: 0 }).cpu}): \`${lint.sparkline(chart.cpu, SPARKLINE_WIDTH)}\``,
    '',
    `Memory, hourly peak (peak ${formatted({ cpu: 0, memory: memoryPeak }).memory}): \`${lint.sparkline(chart.memory, SPARKLINE_WIDTH)}\``,
    '',
    `${usage.confidenceDays.toFixed(1)} days of history. Target = P90 + 15%, bounds P50 / P95 + 15%, widened while the history is short (as the Vertical Pod Autoscaler computes them).`,
  ].join('\n');
}

export class ResourcesHover implements vscode.HoverProvider {
  private readonly controller: LintController;
  private readonly clusters: ClusterServiceHolder;

  constructor(controller: LintController, clusters: ClusterServiceHolder) {
    this.controller = controller;
    this.clusters = clusters;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const service = this.clusters.peek();
    const config = service?.config;
    if (service?.usage === undefined || config === undefined || !config.ok) return undefined;
    const context = config.value.currentContext;
    if (service.connection(context) === undefined) return undefined;
    const at = loadCoreModule().containerResourcesAt(this.controller.parse(document), document.offsetAt(position));
    if (at === undefined) return undefined;
    const where = placement(at, config.value.contexts.find((summary) => summary.name === context)?.namespace ?? '');
    const usage = service.usage.find(context, where.namespace, at.name, at.container);
    const range = new vscode.Range(document.positionAt(at.range.start), document.positionAt(at.range.end));
    const connection = service.connection(context);
    // The HPAs and VPAs as last listed: a hover does not wait for a list (the first one may lack them).
    const autoscalers = usage === undefined ? undefined : service.usage.autoscalersNow(context);
    const rows = usage === undefined || connection === undefined ? [] : loadCoreModule().rightSizingRows([usage], (namespace, workload) => workloadRequests(connection, namespace, workload), autoscalerLookups(autoscalers));
    return new vscode.Hover(new vscode.MarkdownString(resourcesHoverMarkdown(at, where, usage, service.usage.status(context), context, rows[0])), range);
  }
}
