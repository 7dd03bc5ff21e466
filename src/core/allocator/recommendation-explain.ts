// Why a container's recommendation is what it is: the history it rests on, the percentiles, and
// which of usage, the minimum, an OOM kill or the start-up peak set each target. Shown per row in
// the report and by `suggest --format json`, so a number nobody trusts can be checked.
import { MEMORY_BUCKETS } from './bucket-scheme.ts';
import type { ContainerUsage } from './container-usage.ts';
import type { ResourceEstimate } from './estimator.ts';
import type { OomSummary } from './oom-kills.ts';
import { estimateQuantities, memoryFloors, type PodEstimators } from './recommender.ts';

export type CpuSource = 'usage' | 'minimum';
export type MemorySource = CpuSource | 'oom' | 'startup';

export interface Percentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
}

export interface RecommendationExplanation {
  /** One-minute CPU samples the histogram holds (a 5-minute Prometheus point counts 5). */
  readonly samples: number;
  readonly days: number;
  /** Of the steady histograms, without the margin: CPU in cores, memory peaks in bytes. */
  readonly cpu: Percentiles;
  readonly memory: Percentiles;
  readonly oomKills: OomSummary;
  readonly startup: { readonly starts: number; readonly cpuP95: number; readonly memoryP95: number };
  /** Per container. */
  readonly minimums: ResourceEstimate;
  readonly marginFraction: number;
  readonly setBy: { readonly cpu: CpuSource; readonly memory: MemorySource };
  /** One line per resource saying what set its target. */
  readonly reasons: readonly string[];
}

function percentiles(histogram: ContainerUsage['cpu']): Percentiles {
  return { p50: histogram.percentile(0.5), p90: histogram.percentile(0.9), p95: histogram.percentile(0.95) };
}

/** The largest candidate's name; earlier names win ties, so usage is named when it equals a floor. */
function largest<Name extends string>(candidates: readonly (readonly [Name, number])[]): Name {
  let best = candidates[0] as readonly [Name, number];
  for (const candidate of candidates) if (candidate[1] > best[1]) best = candidate;
  return best[0];
}

const memoryText = (bytes: number): string => estimateQuantities({ cpu: 0, memory: bytes }).memory;
const cpuText = (cores: number): string => estimateQuantities({ cpu: cores, memory: 0 }).cpu;
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function explainRecommendation(usage: ContainerUsage, estimators: PodEstimators): RecommendationExplanation {
  const cpu = percentiles(usage.cpu);
  const memory = percentiles(usage.memoryPeaks);
  const grown = 1 + estimators.marginFraction;
  const { minimums } = estimators;
  const floors = memoryFloors(usage);
  const oomKills = usage.oomKills.summary(usage.lastSampleMs);
  const startup = { starts: usage.startup.starts, cpuP95: usage.startup.cpu.percentile(0.95), memoryP95: floors.startupBytes };
  // A recent kill's bump is also a peak in the histogram: when it is what the P90 lands on, the kill set the target.
  const oomIsP90 = floors.oomBytes > 0 && MEMORY_BUCKETS.findBucket(floors.oomBytes) >= MEMORY_BUCKETS.findBucket(memory.p90 * (1 - 1e-9));
  const setBy = {
    cpu: largest<CpuSource>([['usage', cpu.p90 * grown], ['minimum', minimums.cpu]]),
    memory: largest<MemorySource>([['oom', oomIsP90 ? memory.p90 * grown : floors.oomBytes], ['usage', memory.p90 * grown], ['minimum', minimums.memory], ['startup', floors.startupBytes]]),
  };
  const days = usage.confidenceDays();
  const margin = `${Math.round(estimators.marginFraction * 100)}%`;
  const history = `${plural(usage.cpuSampleCount, 'sample')} over ${days.toFixed(1)} days`;
  const cpuReason =
    setBy.cpu === 'usage'
      ? `cpu: P90 of ${history} (${cpuText(cpu.p90)}) + ${margin}`
      : `cpu: the minimum of ${cpuText(minimums.cpu)} per container, not usage (P90 ${cpuText(cpu.p90)}), sets the target`;
  const memoryReasons: Record<MemorySource, string> = {
    usage: `memory: P90 of the daily peaks (${memoryText(memory.p90)}) + ${margin}`,
    minimum: `memory: the minimum of ${memoryText(minimums.memory)} per container, not usage (P90 ${memoryText(memory.p90)}), sets the target`,
    oom: `memory: ${plural(oomKills.count, 'OOM kill')} in the last 8 days; the target stays at or above the largest bumped sample, ${memoryText(floors.oomBytes)} (max(used × 1.2, used + 100Mi))${oomIsP90 ? `, which is also the P90 of the daily peaks, + ${margin}` : ''}`,
    startup: `memory: the start-up peak's P95 (${memoryText(floors.startupBytes)} over ${plural(startup.starts, 'start')}) is above the steady usage`,
  };
  return { samples: usage.cpuSampleCount, days, cpu, memory, oomKills, startup, minimums, marginFraction: estimators.marginFraction, setBy, reasons: [cpuReason, memoryReasons[setBy.memory]] };
}
