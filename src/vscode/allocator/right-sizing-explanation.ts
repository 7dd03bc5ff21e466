// A report row's explanation, on demand (a closed <details>, no script): the history behind the
// recommendation, its percentiles, OOM kills, the start-up peak, the HPA and the cluster's VPA, and
// which of them set each target.
import type { RightSizingRow } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const SOURCE_NAMES: Readonly<Record<string, string>> = { usage: 'usage', minimum: 'the minimum', oom: 'an OOM kill', startup: 'the start-up peak', hpa: 'the HPA (request kept)' };

/** The lines of the explanation, plain text (the integration test reads them too). */
export function explanationLines(row: RightSizingRow): string[] {
  const { amountTexts, estimateQuantities, finiteAmounts, setByText } = loadCoreModule();
  const cpu = (cores: number): string => estimateQuantities({ cpu: cores, memory: 0 }).cpu;
  const memory = (bytes: number): string => estimateQuantities({ cpu: 0, memory: bytes }).memory;
  const why = row.explanation;
  const lines: string[] = [];
  if (why !== undefined) {
    lines.push(`History: ${why.samples.toLocaleString('en-US')} samples over ${why.days.toFixed(1)} days`);
    lines.push(`CPU P50 / P90 / P95: ${cpu(why.cpu.p50)} / ${cpu(why.cpu.p90)} / ${cpu(why.cpu.p95)}`);
    lines.push(`Memory daily peaks P50 / P90 / P95: ${memory(why.memory.p50)} / ${memory(why.memory.p90)} / ${memory(why.memory.p95)}`);
    const oom = why.oomKills;
    lines.push(oom.count === 0 ? 'OOM kills: none in 8 days' : `OOM kills: ${oom.count} in 8 days, the largest bumped to ${memory(oom.floorBytes)} (weight ${oom.floorWeight.toFixed(2)} of a fresh sample): the memory floor`);
    lines.push(why.startup.starts === 0 ? 'Start-up peak: no container start seen' : `Start-up peak (first minutes of ${why.startup.starts} starts): CPU P95 ${cpu(why.startup.cpuP95)}, memory P95 ${memory(why.startup.memoryP95)}`);
  }
  lines.push(row.hpa.length === 0 ? 'HPA: none on CPU or memory' : row.hpa.map((advice) => advice.message).join('; '));
  if (row.vpa === undefined) lines.push('VPA: none for this workload');
  else {
    const target = amountTexts(finiteAmounts(row.vpa.target), '—');
    const differs = row.vpa.differs.cpu || row.vpa.differs.memory;
    lines.push(`VPA ${row.vpa.vpa}: ${target.cpu} / ${target.memory}${differs ? `, differs from ours: ${row.vpa.reasons.join('; ')}` : ', within the tolerance of ours'}`);
  }
  const [cpuSource, memorySource] = setByText(row).split('/');
  lines.push(`Set by: CPU ${SOURCE_NAMES[cpuSource ?? ''] ?? 'usage'}, memory ${SOURCE_NAMES[memorySource ?? ''] ?? 'usage'}`);
  for (const reason of why?.reasons ?? []) lines.push(reason);
  return lines;
}

export function explanationDetails(row: RightSizingRow): string {
  const items = explanationLines(row).map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  return `<details class="why"><summary>Why this target</summary><ul>${items}</ul></details>`;
}
