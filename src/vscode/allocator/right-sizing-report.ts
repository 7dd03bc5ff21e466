// "Kubernetes: Show Right-Sizing Report": a webview for the current context with every workload
// container's requests beside the allocator's recommendation, kept current as usage arrives,
// exportable as CSV; a click on a row reveals its workload in the Explorer, and where the cluster's
// VPA differs from ours, "Use VPA's" copies the VPA's requests.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { RightSizingRow, RightSizingTotals } from '../../core/editor-core.ts';
import type { ClusterAutoscalers } from '../../cluster/usage/autoscalers.ts';
import type { UsageChart } from '../../cluster/usage/usage-types.ts';
import { loadCoreModule, type ClusterService } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { readConfig } from '../config.ts';
import { currentContext } from '../commands/object-targets.ts';
import type { Element } from '../explorer/elements.ts';
import { Commands } from '../ids.ts';
import { autoscalerLookups } from './autoscaler-lookups.ts';
import { chartKey, rightSizingHtml } from './right-sizing-html.ts';
import { workloadRequests } from './workload-lookup.ts';

/** Usage arrives every minute per context; a redraw at most this often keeps a big table calm. */
const REDRAW_MS = 2_000;

/** What the command returns, for tests: the numbers shown and a way to export without a dialog. */
export interface RightSizingReport {
  readonly context: string;
  rows(): readonly RightSizingRow[];
  totals(): RightSizingTotals;
  html(): string;
  exportCsv(target: vscode.Uri): Promise<void>;
  /**
   * What the page's messages go to: a row's click sends `{ type: 'reveal', namespace, kind, name }`,
   * its "Use VPA's" `{ type: 'useVpa', namespace, workload, container }`.
   */
  receive(message: unknown): Promise<void>;
  readonly panel: vscode.WebviewPanel;
  /** Settles once the context's HPAs and VPAs are in the rows (or could not be listed). */
  readonly autoscalersLoaded: Promise<void>;
}

type PageMessage =
  | { readonly type: 'exportCsv' }
  | { readonly type: 'reveal'; readonly namespace: string; readonly kind: string; readonly name: string }
  | { readonly type: 'useVpa'; readonly namespace: string; readonly workload: string; readonly container: string };

/** The page is not trusted to send well-formed messages: anything else is ignored. */
function pageMessage(message: unknown): PageMessage | undefined {
  const fields = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  if (fields['type'] === 'exportCsv') return { type: 'exportCsv' };
  const { namespace, kind, name, workload, container } = fields;
  if (typeof namespace !== 'string') return undefined;
  if (fields['type'] === 'reveal' && typeof kind === 'string' && typeof name === 'string') return { type: 'reveal', namespace, kind, name };
  if (fields['type'] === 'useVpa' && typeof workload === 'string' && typeof container === 'string') return { type: 'useVpa', namespace, workload, container };
  return undefined;
}

/**
 * "Use VPA's": the report has no manifest to edit, so the cluster VPA's requests of the row go to
 * the clipboard as YAML (request-suggestion offers the same choice as a fix in the manifest itself).
 */
async function copyVpaRequests(rows: readonly RightSizingRow[], wanted: { namespace: string; workload: string; container: string }): Promise<void> {
  const row = rows.find((candidate) => candidate.namespace === wanted.namespace && candidate.workload === wanted.workload && candidate.container === wanted.container);
  if (row?.vpa === undefined) return;
  const { requestsYaml, requestTexts } = loadCoreModule();
  const requests = requestTexts(row.vpa.target);
  if (Object.keys(requests).length === 0) return;
  await vscode.env.clipboard.writeText(requestsYaml(requests));
  const pairs = Object.entries(requests).map(([resource, text]) => `${resource} ${text}`).join(', ');
  void vscode.window.showInformationMessage(`VPA ${row.vpa.vpa}'s requests for ${row.namespace}/${row.workload}, container ${row.container} (${pairs}), copied as YAML: paste them over the container's resources in its manifest.`);
}

function reportData(service: ClusterService, context: string, autoscalers: ClusterAutoscalers | undefined): { rows: RightSizingRow[]; charts: Map<string, UsageChart> } {
  const connection = service.connection(context);
  const usage = service.usage?.usage(context) ?? [];
  const lint = loadCoreModule();
  const rows = connection === undefined ? [] : lint.rightSizingRows(usage, (namespace, workload) => workloadRequests(connection, namespace, workload), autoscalerLookups(autoscalers));
  return { rows, charts: new Map(usage.map((entry) => [chartKey(entry.namespace, entry.workload, entry.container), entry.chart])) };
}

function openReport(service: ClusterService, context: string): RightSizingReport {
  const panel = vscode.window.createWebviewPanel('kubeWorkbench.rightSizing', `Right-Sizing: ${context}`, vscode.ViewColumn.Active, { enableScripts: true, enableFindWidget: true, localResourceRoots: [] });
  // The HPAs and VPAs arrive after the first render (a list each); the page is drawn again with them.
  let autoscalers: ClusterAutoscalers | undefined;
  let disposed = false;
  let data = reportData(service, context, autoscalers);
  let html = '';
  const render = (): void => {
    data = reportData(service, context, autoscalers);
    const page = { context, rows: data.rows, totals: loadCoreModule().rightSizingTotals(data.rows), status: service.usage?.status(context), charts: data.charts, vpaInstalled: autoscalers?.vpaInstalled === true };
    html = rightSizingHtml({ ...page, prometheusUrl: readConfig().allocatorPrometheusUrl, nonce: randomBytes(16).toString('base64') });
    panel.webview.html = html;
  };
  const exportCsv = async (target: vscode.Uri): Promise<void> => {
    await vscode.workspace.fs.writeFile(target, Buffer.from(loadCoreModule().rightSizingCsv(data.rows), 'utf8'));
  };
  const saveCsv = async (): Promise<void> => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `right-sizing-${context.replace(/[^\w.-]+/g, '_')}.csv`;
    const target = await vscode.window.showSaveDialog({ filters: { CSV: ['csv'] }, ...(folder === undefined ? {} : { defaultUri: vscode.Uri.joinPath(folder, name) }) });
    if (target === undefined) return;
    await exportCsv(target);
    void vscode.window.showInformationMessage(`Right-sizing report of ${context} saved to ${target.fsPath} (${data.rows.length} containers).`);
  };
  const receive = async (message: unknown): Promise<void> => {
    const parsed = pageMessage(message);
    if (parsed?.type === 'exportCsv') await saveCsv();
    else if (parsed?.type === 'reveal') await vscode.commands.executeCommand(Commands.revealWorkload, { context, namespace: parsed.namespace, kind: parsed.kind, name: parsed.name });
    else if (parsed?.type === 'useVpa') await copyVpaRequests(data.rows, parsed);
  };
  let timer: NodeJS.Timeout | undefined;
  const subscriptions = [
    service.usage?.onDidChange((changed) => {
      if (changed !== context || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        render();
      }, REDRAW_MS);
    }),
    panel.webview.onDidReceiveMessage(receive),
  ];
  const autoscalersLoaded = (service.usage?.autoscalers(context) ?? Promise.resolve(undefined)).then((result) => {
    if (result?.ok !== true || disposed) return;
    autoscalers = result.value;
    render();
  });
  panel.onDidDispose(() => {
    disposed = true;
    clearTimeout(timer);
    for (const subscription of subscriptions) subscription?.dispose();
  });
  render();
  return {
    context,
    panel,
    rows: () => data.rows,
    totals: () => loadCoreModule().rightSizingTotals(data.rows),
    html: () => html,
    exportCsv,
    receive,
    autoscalersLoaded,
  };
}

export function registerRightSizingReport(clusters: ClusterServiceHolder): vscode.Disposable {
  // From a context row: that context; from the palette or the view's title: the current one.
  return vscode.commands.registerCommand(Commands.showRightSizingReport, (row?: Element): RightSizingReport | undefined => {
    const context = row?.type === 'context' ? row.context : currentContext(clusters, ' to report on')?.name;
    if (context === undefined) return undefined;
    const service = clusters.get();
    // The report is a reason to connect: usage sampling starts with the connection.
    service.connect(context);
    return openReport(service, context);
  });
}
