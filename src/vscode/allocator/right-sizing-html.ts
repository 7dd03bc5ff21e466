// The right-sizing report's page: totals, then per workload container a line of numbers (today's
// requests, the target, what it frees) and a line with eight days of CPU and memory, each chart
// scaled to its own range with the target dashed and values on hover. Strict CSP: only the page's
// own style and script (by nonce) apply, nothing is loaded from anywhere, no inline style attribute.
import type { RightSizingRow, RightSizingTotals } from '../../core/editor-core.ts';
import type { UsageChart, UsageStatus } from '../../cluster/usage/usage-types.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import { escapeHtml, explanationDetails } from './right-sizing-explanation.ts';
import { PAGE_SCRIPT, PAGE_STYLE } from './right-sizing-page-assets.ts';
import { usageSourcesLine } from './usage-status-text.ts';

export interface ReportPage {
  readonly context: string;
  readonly rows: readonly RightSizingRow[];
  readonly totals: RightSizingTotals;
  readonly status: UsageStatus | undefined;
  readonly prometheusUrl: string;
  readonly charts: ReadonlyMap<string, UsageChart>;
  /** Whether the cluster serves VerticalPodAutoscalers (their CRD): the VPA column says so. */
  readonly vpaInstalled: boolean;
  readonly nonce: string;
}

export function chartKey(namespace: string, workload: string, container: string): string {
  return `${namespace}/${workload}/${container}`;
}


const GIB = 2 ** 30;
const MIB = 2 ** 20;
/** Hover strips per chart: four hours each over eight days, enough to find a peak without a page of titles. */
const BANDS = 48;
const CHART_PX = 56;

const whole = (value: number | undefined, unit: number): string => (value === undefined ? '—' : Math.round(value / unit).toLocaleString('en-US'));
const signed = (value: number): string => (value > 0 ? `+${value.toFixed(2)}` : value < 0 ? `−${(-value).toFixed(2)}` : '0.00');

/** The cluster VPA's target, as the VPA column shows it: CPU / memory, '—' for none. */
function vpaText(row: RightSizingRow): string {
  if (row.vpa === undefined) return '—';
  const { amountTexts, finiteAmounts } = loadCoreModule();
  const { cpu, memory } = amountTexts(finiteAmounts(row.vpa.target), '—');
  return `${cpu} / ${memory}`;
}

/** Sort values, data-v0 … data-v9, by the column numbers of the header. */
function sortValues(row: RightSizingRow): (string | number)[] {
  return [
    `${row.workload} ${row.namespace} ${row.container}`,
    row.replicas,
    row.current.cpu ?? -1,
    row.target.cpu,
    row.current.memory ?? -1,
    row.target.memory,
    row.freedCores,
    row.freedBytes / GIB,
    row.confidenceDays,
    vpaText(row),
  ];
}

const HEADER = `<thead>
<tr><th rowspan="2" class="name" data-column="0" data-numeric="false" tabindex="0">Workload</th><th rowspan="2" class="wide" data-column="1" data-numeric="true" tabindex="0">Replicas</th><th colspan="2" class="group">CPU (millicores)</th><th colspan="2" class="group">Memory (MiB)</th><th colspan="2" class="group" title="(request − target) × replicas; negative: the target asks for more">Freed</th><th rowspan="2" class="wide" data-column="8" data-numeric="true" tabindex="0" title="Days of usage history behind the recommendation">History (days)</th><th rowspan="2" data-column="9" data-numeric="false" tabindex="0" title="The cluster's own VerticalPodAutoscaler: its target, ≠ where it differs from ours beyond the tolerance">VPA</th></tr>
<tr>${[['request', 2], ['target', 3], ['request', 4], ['target', 5], ['cores', 6], ['GiB', 7]].map(([title, column]) => `<th data-column="${column}" data-numeric="true" tabindex="0">${title}</th>`).join('')}</tr>
</thead>`;

/** A target cell's text: an HPA-held resource says so (its number is today's request), as does a target the minimum set. */
function targetText(row: RightSizingRow, resource: 'cpu' | 'memory', text: string): string {
  if (row.hpa.some((advice) => advice.resource === resource)) return `${text} (HPA)`;
  return row.explanation?.setBy[resource] === 'minimum' ? `${text} (min)` : text;
}

/** The VPA cell: its target, and where it differs from ours the choice to use it instead. */
function vpaCell(row: RightSizingRow, vpaInstalled: boolean): string {
  const differs = row.vpa !== undefined && (row.vpa.differs.cpu || row.vpa.differs.memory);
  const title = row.vpa === undefined ? (vpaInstalled ? 'no VerticalPodAutoscaler for this workload' : 'the cluster has no VerticalPodAutoscaler CRD') : [`VPA ${row.vpa.vpa}`, ...row.vpa.reasons].join('; ');
  const text = escapeHtml(`${vpaText(row)}${differs ? ' ≠' : ''}`);
  const choice = differs ? ` <button class="use-vpa" title="${escapeHtml(`Copy VPA ${row.vpa?.vpa ?? ''}'s requests as YAML, to paste into the manifest instead of ours`)}">Use VPA's</button>` : '';
  return `<td${differs ? ' class="claim"' : ''} title="${escapeHtml(title)}">${text}${choice}</td>`;
}

function numberCells(row: RightSizingRow, vpaInstalled: boolean): string {
  const { estimateQuantities } = loadCoreModule();
  const [target, lower, upper] = [estimateQuantities(row.target), estimateQuantities(row.lowerBound), estimateQuantities(row.upperBound)] as const;
  const bounds = (resource: 'cpu' | 'memory'): string => `target ${target[resource]}, bounds ${lower[resource]} – ${upper[resource]}`;
  const freed = `(request − target) × ${row.replicas} replicas`;
  const cell = (text: string, title: string, className = ''): string => `<td${className === '' ? '' : ` class="${className}"`} title="${escapeHtml(title)}">${escapeHtml(text)}</td>`;
  const hpaTitle = (resource: 'cpu' | 'memory'): string | undefined => row.hpa.find((advice) => advice.resource === resource)?.message;
  return [
    cell(String(row.replicas), 'pods the workload runs', 'wide'),
    cell(whole(row.current.cpu, 0.001), row.current.cpu === undefined ? 'no CPU request set' : 'CPU requested today'),
    cell(targetText(row, 'cpu', whole(row.target.cpu, 0.001)), hpaTitle('cpu') ?? bounds('cpu')),
    cell(whole(row.current.memory, MIB), row.current.memory === undefined ? 'no memory request set' : 'memory requested today'),
    cell(targetText(row, 'memory', whole(row.target.memory, MIB)), hpaTitle('memory') ?? bounds('memory')),
    cell(signed(row.freedCores), freed, row.freedCores < 0 ? 'claim' : ''),
    cell(signed(row.freedBytes / GIB), freed, row.freedBytes < 0 ? 'claim' : ''),
    cell(row.confidenceDays.toFixed(1), 'days of usage history', 'wide'),
    vpaCell(row, vpaInstalled),
  ].join('');
}

/** Local day and hour names, and each chart window's midnights, made once per render and remembered. */
interface TimeTexts {
  day(ms: number): string;
  hour(ms: number): string;
  /** Point indexes of local midnights, for a chart's day dividers and labels. */
  midnights(chart: UsageChart, points: number): readonly number[];
}

function remembered<K, V>(make: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (!known.has(key)) known.set(key, make(key));
    return known.get(key) as V;
  };
}

// Formatters built once: toLocaleDateString builds one per call (~0.1 ms), and a page of 500 rows
// asks for 150,000 texts.
function timeTexts(): TimeTexts {
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
  const hour = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  // Charts of one context share their window, so each window's midnights are found once.
  const midnights = remembered((window: string) => {
    const [startMs, stepMs, points] = window.split(' ').map(Number) as [number, number, number];
    const indexes: number[] = [];
    for (let index = 1; index < points; index += 1) if (new Date(startMs + index * stepMs).getHours() === 0) indexes.push(index);
    return indexes;
  });
  return { day: remembered((ms: number) => day.format(ms)), hour: remembered((ms: number) => hour.format(ms)), midnights: (chart, points) => midnights(`${chart.startMs} ${chart.stepMs} ${points}`) };
}

function chartFigure(caption: string, values: readonly number[], chart: UsageChart, target: number, valueText: (value: number) => string, title: string, time: TimeTexts): string {
  const { chartSvg, seriesPeak } = loadCoreModule();
  const dividers = time.midnights(chart, values.length);
  const spanText = (from: number, to: number): string => `${time.day(from)} ${time.hour(from)}–${time.hour(to)}`;
  const drawn = chartSvg(values, { height: CHART_PX, reference: target, title, dividers, bands: { count: BANDS, startMs: chart.startMs, stepMs: chart.stepMs, spanText, valueText } });
  // Day names under the chart, at the midnights' share of the width: SVG percentages need no style attribute.
  const days = dividers.map((index) => `<text x="${((index / values.length) * 100).toFixed(2)}%" y="11">${escapeHtml(time.day(chart.startMs + index * chart.stepMs))}</text>`).join('');
  return `<figure class="chart"><figcaption>${escapeHtml(caption)} · peak <strong>${escapeHtml(valueText(seriesPeak(values)))}</strong> · <span class="key">- - target ${escapeHtml(valueText(target))}</span></figcaption>
<div class="plot"><span class="axis high">${escapeHtml(valueText(drawn.high))}</span><span class="axis low">${escapeHtml(valueText(drawn.low))}</span>${drawn.svg}<svg class="time" width="100%" height="14" aria-hidden="true">${days}</svg></div></figure>`;
}

function chartsLine(row: RightSizingRow, chart: UsageChart | undefined, time: TimeTexts): string {
  if (chart === undefined) return '<p class="sub">No chart yet.</p>';
  const { estimateQuantities } = loadCoreModule();
  const cpuText = (cores: number): string => estimateQuantities({ cpu: cores, memory: 0 }).cpu;
  const memoryText = (bytes: number): string => estimateQuantities({ cpu: 0, memory: bytes }).memory;
  const of = `${row.workload}/${row.container}`;
  return `<div class="charts">${chartFigure('CPU, mean per hour', chart.cpu, chart, row.target.cpu, cpuText, `CPU of ${of} over ${Math.round(chart.cpu.length / 24)} days; dashed: target`, time)}${chartFigure('Memory, peak per hour', chart.memory, chart, row.target.memory, memoryText, `Memory of ${of}; dashed: target`, time)}</div>`;
}

function entry(row: RightSizingRow, chart: UsageChart | undefined, time: TimeTexts, vpaInstalled: boolean): string {
  const data = sortValues(row).map((value, index) => `data-v${index}="${escapeHtml(String(value))}"`);
  data.push(`data-namespace="${escapeHtml(row.namespace)}"`, `data-kind="${escapeHtml(row.kind)}"`, `data-name="${escapeHtml(row.workload)}"`, `data-container="${escapeHtml(row.container)}"`);
  const label = `${row.kind} ${row.namespace}/${row.workload}`;
  const name = row.kind === '' ? `<strong>${escapeHtml(row.workload)}</strong>` : `<button class="reveal" title="${escapeHtml(`Reveal ${label} in the Explorer`)}">${escapeHtml(row.workload)}</button>`;
  const where = [row.namespace, row.kind === '' ? 'not in the cluster any more' : row.kind, `container ${row.container}`].map(escapeHtml).join(' · ');
  const folded = `<span class="narrow"> · ×${row.replicas} · ${row.confidenceDays.toFixed(1)} days</span>`;
  return `<tbody class="entry${row.kind === '' ? ' gone' : ''}" ${data.join(' ')}>
<tr class="numbers"><td class="name">${name}<span class="sub">${where}${folded}</span></td>${numberCells(row, vpaInstalled)}</tr>
<tr class="charts"><td colspan="10">${explanationDetails(row)}${chartsLine(row, chart, time)}</td></tr>
</tbody>`;
}

export function rightSizingHtml(page: ReportPage): string {
  const { rows, totals, nonce } = page;
  const summary =
    rows.length === 0
      ? '<p>Not enough data yet: no workload container has a recommendation.</p>'
      : `<p>Applying every recommendation would free <strong>${totals.freedCores.toFixed(2)} cores</strong> and <strong>${totals.freedGiB.toFixed(2)} GiB</strong> of requests; under-provisioned containers would claim ${totals.claimedCores.toFixed(2)} cores and ${totals.claimedGiB.toFixed(2)} GiB more.</p>`;
  const time = timeTexts();
  const body = rows.map((row) => entry(row, page.charts.get(chartKey(row.namespace, row.workload, row.container)), time, page.vpaInstalled)).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Right-Sizing: ${escapeHtml(page.context)}</title>
<style nonce="${nonce}">${PAGE_STYLE}</style></head>
<body>
<h2>Right-sizing for context ${escapeHtml(page.context)}</h2>
${summary}
<p class="status">${escapeHtml(usageSourcesLine(page.status, page.prometheusUrl))}</p>
<p class="actions"><button id="export">Export CSV…</button><span class="hint">Click a row to reveal its workload in the Explorer; hover a chart for its values; (min): the per-container minimum, not usage, set the target.</span></p>
<table id="report">${HEADER}
${body}
</table>
<script nonce="${nonce}">${PAGE_SCRIPT}</script>
</body></html>`;
}
