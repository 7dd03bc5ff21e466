// A workload container's usage as plain JSON and back, after the VPA's VerticalPodAutoscalerCheckpoint
// (vertical-pod-autoscaler/pkg/recommender/model/aggregate_container_state.go SaveToCheckpoint and
// LoadFromCheckpoint): both histograms, the sample count and the sampled span, so a restart keeps
// the recommendation and its confidence. The input of restoreUsage is untrusted (a file).
import { err, ok, type Result } from '../result.ts';
import { ContainerUsage } from './container-usage.ts';
import type { HistogramCheckpoint } from './decaying-histogram.ts';

export interface ContainerUsageCheckpoint {
  readonly cpu: HistogramCheckpoint;
  readonly memoryPeaks: HistogramCheckpoint;
  readonly cpuSampleCount: number;
  /** Null until the first CPU sample (JSON has no infinities). */
  readonly firstSampleMs: number | null;
  readonly lastSampleMs: number | null;
  /** Added after the first version: absent in older files. [time, bumped bytes, ...] */
  readonly oomKills?: readonly number[];
  readonly startup?: { readonly cpu: HistogramCheckpoint; readonly memory: HistogramCheckpoint; readonly starts: number };
}

export function usageCheckpoint(usage: ContainerUsage): ContainerUsageCheckpoint {
  const sampled = usage.cpuSampleCount > 0;
  return {
    cpu: usage.cpu.checkpoint(),
    memoryPeaks: usage.memoryPeaks.checkpoint(),
    cpuSampleCount: usage.cpuSampleCount,
    firstSampleMs: sampled ? usage.firstSampleMs : null,
    lastSampleMs: sampled ? usage.lastSampleMs : null,
    oomKills: usage.oomKills.checkpoint(),
    startup: { cpu: usage.startup.cpu.checkpoint(), memory: usage.startup.memory.checkpoint(), starts: usage.startup.starts },
  };
}

function isHistogramCheckpoint(value: unknown): value is HistogramCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const { referenceMs, totalWeight, buckets } = value as Record<string, unknown>;
  return typeof referenceMs === 'number' && typeof totalWeight === 'number' && Array.isArray(buckets) && buckets.every((item) => typeof item === 'number');
}

function isTime(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}

/** A ContainerUsage equal to the one checkpointed, or what is wrong with the checkpoint. */
export function restoreUsage(value: unknown): Result<ContainerUsage, string> {
  if (typeof value !== 'object' || value === null) return err('not an object');
  const checkpoint = value as Record<string, unknown>;
  const { cpu, memoryPeaks, cpuSampleCount, firstSampleMs, lastSampleMs, oomKills, startup } = checkpoint;
  if (!isHistogramCheckpoint(cpu) || !isHistogramCheckpoint(memoryPeaks)) return err('histogram missing or malformed');
  if (typeof cpuSampleCount !== 'number' || !Number.isInteger(cpuSampleCount) || cpuSampleCount < 0) return err('bad sample count');
  if (!isTime(firstSampleMs) || !isTime(lastSampleMs) || (cpuSampleCount > 0) !== (firstSampleMs !== null && lastSampleMs !== null)) {
    return err('bad sample times');
  }
  const usage = new ContainerUsage();
  if (!usage.cpu.restore(cpu) || !usage.memoryPeaks.restore(memoryPeaks)) return err('histogram does not fit the bucket scheme');
  if (oomKills !== undefined && !usage.oomKills.restore(oomKills)) return err('bad OOM kills');
  if (startup !== undefined && !restoreStartup(usage, startup)) return err('bad start-up peaks');
  usage.cpuSampleCount = cpuSampleCount;
  if (firstSampleMs !== null && lastSampleMs !== null) {
    usage.firstSampleMs = firstSampleMs;
    usage.lastSampleMs = lastSampleMs;
  }
  return ok(usage);
}

function restoreStartup(usage: ContainerUsage, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { cpu, memory, starts } = value as Record<string, unknown>;
  if (!isHistogramCheckpoint(cpu) || !isHistogramCheckpoint(memory) || typeof starts !== 'number' || !Number.isInteger(starts) || starts < 0) return false;
  usage.startup.starts = starts;
  return usage.startup.cpu.restore(cpu) && usage.startup.memory.restore(memory);
}
