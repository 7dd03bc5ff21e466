// The whole-cluster report of `suggest --prometheus` in its four formats: a table for people,
// Markdown for a pull request comment, CSV for a spreadsheet, JSON (with each row's explanation) for CI.
import { amountTexts, finiteAmounts, rightSizingCsv, rightSizingTotals, setByText, type RightSizingRow } from '../core/allocator/right-sizing.ts';
import type { RecommendationExplanation } from '../core/allocator/recommendation-explain.ts';
import { estimateQuantities } from '../core/allocator/recommender.ts';
import { textTable } from '../core/allocator/text-table.ts';

export type ReportFormat = 'table' | 'json' | 'csv' | 'markdown';
export const REPORT_FORMATS: readonly ReportFormat[] = ['table', 'json', 'csv', 'markdown'];

const pair = (amounts: { cpu: number | undefined; memory: number | undefined }): string => {
  const { cpu, memory } = amountTexts(amounts, '-');
  return `${cpu} / ${memory}`;
};

/** The notes a row needs beside its numbers: an HPA holding a resource, the VPA's differing target, OOM kills. */
function notes(row: RightSizingRow): string {
  const parts: string[] = [];
  for (const advice of row.hpa) parts.push(`HPA ${advice.hpa} on ${advice.resource} ${advice.targetPercent}%: ${advice.replicasNow} → ${advice.replicasAtSuggested} replicas at ${advice.resource === 'cpu' ? estimateQuantities({ cpu: advice.suggested, memory: 0 }).cpu : estimateQuantities({ cpu: 0, memory: advice.suggested }).memory}`);
  const oom = row.explanation?.oomKills;
  if (oom !== undefined && oom.count > 0) parts.push(`${oom.count} OOM kill${oom.count === 1 ? '' : 's'}`);
  if (row.vpa !== undefined && (row.vpa.differs.cpu || row.vpa.differs.memory)) parts.push(`VPA ${row.vpa.vpa}: ${pair(row.vpa.target)}`);
  return parts.join('; ');
}

const HEADER = ['NAMESPACE', 'WORKLOAD', 'CONTAINER', 'REPLICAS', 'CURRENT', 'TARGET', 'LIMITS', 'FREED CPU', 'SET BY', 'NOTES'];

function cells(row: RightSizingRow): string[] {
  return [
    row.namespace, row.workload, row.container, String(row.replicas), pair(row.current), pair(row.target),
    row.limits === undefined ? '-' : pair(row.limits), row.freedCores.toFixed(2), setByText(row), notes(row),
  ];
}

function markdownCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/[\r\n]+/g, ' ');
}

/** A row's explanation in JSON output (null without a recommendation), for both sources of usage. */
export function explanationJson(explanation: RecommendationExplanation | undefined): unknown {
  if (explanation === undefined) return null;
  const { samples, days, cpu, memory, oomKills, startup, setBy, reasons } = explanation;
  return { samples, days: Number(days.toFixed(2)), cpu, memory, oomKills, startup, setBy, reasons };
}

function rowJson(row: RightSizingRow): unknown {
  return {
    namespace: row.namespace,
    workload: row.workload,
    kind: row.kind,
    container: row.container,
    replicas: row.replicas,
    current: amountTexts(row.current, ''),
    target: estimateQuantities(row.target),
    lowerBound: estimateQuantities(row.lowerBound),
    upperBound: estimateQuantities(row.upperBound),
    limits: row.limits === undefined ? null : estimateQuantities(row.limits),
    confidenceDays: Number(row.confidenceDays.toFixed(2)),
    freedCores: Number(row.freedCores.toFixed(3)),
    freedBytes: Math.round(row.freedBytes),
    setBy: setByText(row),
    explanation: explanationJson(row.explanation),
    hpa: row.hpa.map((advice) => ({ hpa: advice.hpa, resource: advice.resource, targetPercent: advice.targetPercent, replicasNow: advice.replicasNow, replicasAtSuggested: advice.replicasAtSuggested, suggested: advice.suggested, message: advice.message })),
    vpa: row.vpa === undefined ? null : { name: row.vpa.vpa, target: amountTexts(finiteAmounts(row.vpa.target), ''), differs: row.vpa.differs, reasons: row.vpa.reasons },
  };
}

export function formatReport(rows: readonly RightSizingRow[], format: ReportFormat): string {
  const totals = rightSizingTotals(rows);
  switch (format) {
    case 'json':
      return `${JSON.stringify({ recommendations: rows.map(rowJson), totals }, null, 2)}\n`;
    case 'csv':
      return rightSizingCsv(rows);
    case 'markdown': {
      const lines = [`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => ' --- ').join('|')}|`, ...rows.map((row) => `| ${cells(row).map(markdownCell).join(' | ')} |`)];
      return `${lines.join('\n')}\n\nFrees ${totals.freedCores.toFixed(2)} cores and ${totals.freedGiB.toFixed(2)} GiB; claims ${totals.claimedCores.toFixed(2)} cores and ${totals.claimedGiB.toFixed(2)} GiB.\n`;
    }
    case 'table':
      return `${textTable(HEADER, rows.map(cells))}\nFrees ${totals.freedCores.toFixed(2)} cores and ${totals.freedGiB.toFixed(2)} GiB; claims ${totals.claimedCores.toFixed(2)} cores and ${totals.claimedGiB.toFixed(2)} GiB.\n`;
  }
}
