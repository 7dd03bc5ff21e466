// One pod container's memory, reduced to one peak per aggregation interval before it reaches the
// workload's histogram, as the VPA's vertical-pod-autoscaler/pkg/recommender/model/container.go
// does (addMemorySample, RecordOOM): a larger sample in the same interval replaces the peak.
import type { ContainerUsage } from './container-usage.ts';
import { MEMORY_AGGREGATION_INTERVAL_MS } from './history-window.ts';
import { oomBumpBytes } from './oom-kills.ts';

export { OOM_MIN_BUMP_BYTES } from './oom-kills.ts';

// Peaks enter the histogram with weight 1 (AggregateContainerState.AddSample, memory case).
const PEAK_WEIGHT = 1;

/**
 * The open interval of one pod container, for a checkpoint: [windowEndMs, lastSampleMs, peakBytes,
 * oomPeakBytes, lastOomMs]; the fifth came later and may be missing.
 */
export type MemoryPeaksCheckpoint = readonly [number, number, number, number, number?];

export class MemoryPeaks {
  private readonly usage: ContainerUsage;
  /** End of the current interval; the peak sample is stamped with it, as in container.go. */
  private windowEndMs = Number.NaN;
  private lastSampleMs = Number.NEGATIVE_INFINITY;
  private peakBytes = 0;
  private oomPeakBytes = 0;
  /** The pod cache shows the same lastState at every sample: each kill is taken once. */
  private lastOomMs = Number.NEGATIVE_INFINITY;

  constructor(usage: ContainerUsage) {
    this.usage = usage;
  }

  /** Returns false for a sample older than the last one (OOM events are always taken). */
  addSample(bytes: number, timeMs: number, isOom = false): boolean {
    // Most samples are in the current interval and below its peak: they change nothing but the
    // time. Kept this small so the compiler inlines it into the ingestion loop.
    if (!isOom && timeMs >= this.lastSampleMs && timeMs < this.windowEndMs && bytes <= this.peakBytes) {
      this.lastSampleMs = timeMs;
      return true;
    }
    return this.addPeakSample(bytes, timeMs, isOom);
  }

  private addPeakSample(bytes: number, timeMs: number, isOom: boolean): boolean {
    if (!isOom && timeMs < this.lastSampleMs) return false;
    this.lastSampleMs = timeMs;
    if (Number.isNaN(this.windowEndMs)) this.windowEndMs = timeMs;
    const histogram = this.usage.memoryPeaks;
    let addPeak = false;
    if (timeMs < this.windowEndMs) {
      const oldPeak = this.maxPeak();
      if (oldPeak !== 0 && bytes > oldPeak) {
        histogram.subtractSample(oldPeak, PEAK_WEIGHT, this.windowEndMs);
        addPeak = true;
      }
    } else {
      // Move to the interval holding this sample.
      const intervals = Math.floor((timeMs - this.windowEndMs) / MEMORY_AGGREGATION_INTERVAL_MS) + 1;
      this.windowEndMs += intervals * MEMORY_AGGREGATION_INTERVAL_MS;
      this.peakBytes = 0;
      this.oomPeakBytes = 0;
      addPeak = true;
    }
    if (isOom) this.oomPeakBytes = Math.max(this.oomPeakBytes, bytes);
    else this.peakBytes = Math.max(this.peakBytes, bytes);
    if (addPeak) histogram.addSample(this.maxPeak(), PEAK_WEIGHT, this.windowEndMs);
    return true;
  }

  /**
   * An OOM kill with the memory in use when it happened. Like RecordOOM the bump starts from the
   * larger of that and this interval's usage peak (not an earlier OOM peak, so repeated OOMs do not
   * compound). The VPA drops a kill from before the previous interval (its issue 4152); here such a
   * kill enters the histogram at its own time, so it weighs what its age says, and the OOM list
   * keeps its bump as a floor. Returns the bumped sample, or undefined for a kill already recorded.
   */
  recordOom(usedBytes: number, timeMs: number): number | undefined {
    if (!(usedBytes >= 0) || !(timeMs > this.lastOomMs)) return undefined;
    this.lastOomMs = timeMs;
    if (timeMs < this.windowEndMs - MEMORY_AGGREGATION_INTERVAL_MS) {
      const bumped = oomBumpBytes(usedBytes);
      this.usage.memoryPeaks.addSample(bumped, PEAK_WEIGHT, timeMs);
      this.usage.oomKills.record(timeMs, bumped);
      return bumped;
    }
    const bumped = oomBumpBytes(Math.max(usedBytes, this.peakBytes));
    this.addSample(bumped, timeMs, true);
    this.usage.oomKills.record(timeMs, bumped);
    return bumped;
  }

  /** Undefined before the first sample: there is no interval to carry over. */
  checkpoint(): MemoryPeaksCheckpoint | undefined {
    if (Number.isNaN(this.windowEndMs)) return undefined;
    return Number.isFinite(this.lastOomMs) ? [this.windowEndMs, this.lastSampleMs, this.peakBytes, this.oomPeakBytes, this.lastOomMs] : [this.windowEndMs, this.lastSampleMs, this.peakBytes, this.oomPeakBytes];
  }

  /** Continues an interval saved by checkpoint() (its peak is already in the histogram); false for a malformed one. */
  restore(checkpoint: MemoryPeaksCheckpoint): boolean {
    if (!checkpoint.every((value) => Number.isFinite(value)) || checkpoint[2] < 0 || checkpoint[3] < 0) return false;
    [this.windowEndMs, this.lastSampleMs, this.peakBytes, this.oomPeakBytes] = checkpoint;
    this.lastOomMs = checkpoint[4] ?? Number.NEGATIVE_INFINITY;
    return true;
  }

  private maxPeak(): number {
    return Math.max(this.peakBytes, this.oomPeakBytes);
  }
}
