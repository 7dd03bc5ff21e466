// The right-sizing report's page: totals, then one sortable row per workload container with today's
// requests, the recommendation, what it frees and eight days of usage as small charts. Strict CSP:
// only the page's own script (by nonce) runs, nothing is loaded from anywhere.
import type { RightSizingRow, RightSizingTotals } from '../../core/lint/index.ts';
import type { UsageChart, UsageStatus } from '../../cluster/usage/usage-types.ts';
import { loadLintModule } from '../bundle-loader.ts';

export interface ReportPage {
  readonly context: string;
  readonly rows: readonly RightSizingRow[];
  readonly totals: RightSizingTotals;
  readonly status: UsageStatus | undefined;
  readonly charts: ReadonlyMap<string, UsageChart>;
  readonly nonce: string;
  readonly cspSource: string;
}

export function chartKey(namespace: string, workload: string, container: string): string {
  return `${namespace}/${workload}/${container}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const GIB = 2 ** 30;

/** Columns: header, the row's sort value, the cell's HTML. */
const columns: readonly { title: string; sort: (row: RightSizingRow) => string | number; numeric: boolean }[] = [
  { title: 'Namespace', sort: (row) => row.namespace, numeric: false },
  { title: 'Workload', sort: (row) => row.workload, numeric: false },
  { title: 'Kind', sort: (row) => row.kind, numeric: false },
  { title: 'Container', sort: (row) => row.container, numeric: false },
  { title: 'Replicas', sort: (row) => row.replicas, numeric: true },
  { title: 'CPU now', sort: (row) => row.current.cpu ?? -1, numeric: true },
  { title: 'CPU target', sort: (row) => row.target.cpu, numeric: true },
  { title: 'Memory now', sort: (row) => row.current.memory ?? -1, numeric: true },
  { title: 'Memory target', sort: (row) => row.target.memory, numeric: true },
  { title: 'Cores freed', sort: (row) => row.freedCores, numeric: true },
  { title: 'GiB freed', sort: (row) => row.freedBytes / GIB, numeric: true },
  { title: 'History (days)', sort: (row) => row.confidenceDays, numeric: true },
];

function cells(row: RightSizingRow): string[] {
  const { amountTexts } = loadLintModule();
  const now = amountTexts(row.current, '—');
  const target = amountTexts(row.target, '—');
  return [row.namespace, row.workload, row.kind || '—', row.container, String(row.replicas), now.cpu, target.cpu, now.memory, target.memory, row.freedCores.toFixed(2), (row.freedBytes / GIB).toFixed(2), row.confidenceDays.toFixed(1)].map(escapeHtml);
}

function chartCells(row: RightSizingRow, chart: UsageChart | undefined): string {
  if (chart === undefined) return '<td></td><td></td>';
  const { chartSvg } = loadLintModule();
  const cpu = chartSvg(chart.cpu, { width: 120, height: 24, reference: row.target.cpu, title: `CPU of ${row.workload}/${row.container}; dashed: target` });
  const memory = chartSvg(chart.memory, { width: 120, height: 24, reference: row.target.memory, title: `Memory of ${row.workload}/${row.container}; dashed: target` });
  return `<td class="chart">${cpu}</td><td class="chart">${memory}</td>`;
}

function statusLine(status: UsageStatus | undefined): string {
  if (status === undefined) return 'No usage sources for this context yet.';
  const part = (name: string, source: { phase: string; message?: string }): string => `${name}: ${source.phase}${source.message === undefined ? '' : ` (${source.message})`}`;
  return [part('metrics API', status.metrics), part('Prometheus', status.prometheus), part('stored history', status.store)].join(' · ');
}

export function rightSizingHtml(page: ReportPage): string {
  const { rows, totals } = page;
  const header = columns.map((column, index) => `<th data-column="${index}" data-numeric="${column.numeric}" tabindex="0">${escapeHtml(column.title)}</th>`).join('');
  const body = rows
    .map((row) => {
      const sortValues = columns.map((column, index) => `data-v${index}="${escapeHtml(String(column.sort(row)))}"`).join(' ');
      const chart = page.charts.get(chartKey(row.namespace, row.workload, row.container));
      return `<tr ${sortValues}>${cells(row).map((cell) => `<td>${cell}</td>`).join('')}${chartCells(row, chart)}</tr>`;
    })
    .join('\n');
  const summary =
    rows.length === 0
      ? '<p>Not enough data yet: no workload container has a recommendation.</p>'
      : `<p>Applying every recommendation would free <strong>${totals.freedCores.toFixed(2)} cores</strong> and <strong>${totals.freedGiB.toFixed(2)} GiB</strong> of requests; under-provisioned containers would claim ${totals.claimedCores.toFixed(2)} cores and ${totals.claimedGiB.toFixed(2)} GiB more.</p>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${page.cspSource} data:; style-src 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}';">
<title>Right-Sizing: ${escapeHtml(page.context)}</title>
<style nonce="${page.nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 2px 8px; border-bottom: 1px solid var(--vscode-panel-border); text-align: left; }
th { cursor: pointer; user-select: none; white-space: nowrap; }
th[data-numeric="true"], td:nth-child(n+5) { text-align: right; }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
td.chart { color: var(--vscode-charts-blue); padding: 0 4px; }
.status { color: var(--vscode-descriptionForeground); }
</style></head>
<body>
<h2>Right-sizing for context ${escapeHtml(page.context)}</h2>
${summary}
<p class="status">${escapeHtml(statusLine(page.status))}</p>
<p><button id="export">Export CSV…</button></p>
<table id="report"><thead><tr>${header}<th>CPU, 8 days</th><th>Memory, 8 days</th></tr></thead>
<tbody>
${body}
</tbody></table>
<script nonce="${page.nonce}">
const vscode = acquireVsCodeApi();
const tbody = document.querySelector('#report tbody');
function sortBy(column, descending) {
  const th = document.querySelector('th[data-column="' + column + '"]');
  if (th === null) return;
  const numeric = th.dataset.numeric === 'true';
  const value = (row) => (numeric ? Number(row.getAttribute('data-v' + column)) : row.getAttribute('data-v' + column));
  const rows = [...tbody.rows].sort((a, b) => {
    const x = value(a), y = value(b);
    const order = numeric ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  });
  tbody.append(...rows);
  document.querySelectorAll('th[aria-sort]').forEach((other) => other.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  vscode.setState({ column, descending });
}
document.querySelectorAll('th[data-column]').forEach((th) => {
  const toggle = () => sortBy(th.dataset.column, th.getAttribute('aria-sort') === 'ascending');
  th.addEventListener('click', toggle);
  th.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') toggle(); });
});
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
const state = vscode.getState();
sortBy(state ? state.column : '9', state ? state.descending : true);
</script>
</body></html>`;
}
