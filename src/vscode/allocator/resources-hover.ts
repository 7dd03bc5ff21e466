// Hovering a container's `resources:` shows what the allocator makes of its observed usage: target,
// bounds and today's requests side by side, with eight days of CPU and memory drawn as sparklines.
import * as vscode from 'vscode';
import type { Estimate, WorkloadContainerUsage } from '../../cluster/usage/usage-types.ts';
import type { ContainerResourcesAt } from '../../core/lint/index.ts';
import { loadLintModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';

const SPARKLINE_WIDTH = 48;
// Each sparkline is scaled to its own peak, so the daily shape shows; the numbers say how far below
// (or above) the target it runs.

function formatted(estimate: Estimate): { cpu: string; memory: string } {
  return loadLintModule().estimateQuantities(estimate);
}

function resourcesHoverMarkdown(at: ContainerResourcesAt, usage: WorkloadContainerUsage | undefined, context: string): string {
  const title = `**Right-sizing** \`${at.container}\` of ${at.kind} ${usage?.namespace ?? at.namespace ?? ''}/${at.name} in context \`${context}\``;
  if (usage?.recommendation === undefined) {
    return `${title}\n\nNot enough data: no usage observed yet for this container. The metrics API is sampled every minute while the cluster is connected; set \`kubeWorkbench.allocator.prometheusUrl\` for eight days of history at once.`;
  }
  const { target, lowerBound, upperBound } = usage.recommendation;
  const [t, l, u] = [formatted(target), formatted(lowerBound), formatted(upperBound)];
  const lint = loadLintModule();
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
    '',
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
    const at = loadLintModule().containerResourcesAt(this.controller.parse(document), document.offsetAt(position));
    if (at === undefined) return undefined;
    const namespace = at.namespace ?? (config.value.contexts.find((summary) => summary.name === context)?.namespace || 'default');
    const usage = service.usage.find(context, namespace, at.name, at.container);
    const range = new vscode.Range(document.positionAt(at.range.start), document.positionAt(at.range.end));
    return new vscode.Hover(new vscode.MarkdownString(resourcesHoverMarkdown(at, usage, context)), range);
  }
}
