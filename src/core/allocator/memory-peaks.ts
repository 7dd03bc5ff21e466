// One pod container's memory, reduced to one peak per aggregation interval before it reaches the
// workload's histogram, as the VPA's vertical-pod-autoscaler/pkg/recommender/model/container.go
// does (addMemorySample, RecordOOM): a larger sample in the same interval replaces the peak.
import { MEMORY_AGGREGATION_INTERVAL_MS, type ContainerUsage } from './container-usage.ts';

// aggregations_config.go: after an OOM kill memory is bumped to max(used + 100 MiB, used × 1.2).
export const OOM_MIN_BUMP_BYTES = 100 * 2 ** 20;
const OOM_BUMP_RATIO = 1.2;

// Peaks enter the histogram with weight 1 (AggregateContainerState.AddSample, memory case).
const PEAK_WEIGHT = 1;

/** The open interval of one pod container, for a checkpoint: [windowEndMs, lastSampleMs, peakBytes, oomPeakBytes]. */
export type MemoryPeaksCheckpoint = readonly [number, number, number, number];

export class MemoryPeaks {
  private readonly usage: ContainerUsage;
  /** End of the current interval; the peak sample is stamped with it, as in container.go. */
  private windowEndMs = Number.NaN;
  private lastSampleMs = Number.NEGATIVE_INFINITY;
  private peakBytes = 0;
  private oomPeakBytes = 0;

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
   * compound); an event from before the previous interval is stale and dropped (returns false).
   */
  recordOom(usedBytes: number, timeMs: number): boolean {
    if (timeMs < this.windowEndMs - MEMORY_AGGREGATION_INTERVAL_MS) return false;
    const used = Math.max(usedBytes, this.peakBytes);
    return this.addSample(Math.max(used + OOM_MIN_BUMP_BYTES, used * OOM_BUMP_RATIO), timeMs, true);
  }

  /** Undefined before the first sample: there is no interval to carry over. */
  checkpoint(): MemoryPeaksCheckpoint | undefined {
    if (Number.isNaN(this.windowEndMs)) return undefined;
    return [this.windowEndMs, this.lastSampleMs, this.peakBytes, this.oomPeakBytes];
  }

  /** Continues an interval saved by checkpoint() (its peak is already in the histogram); false for a malformed one. */
  restore(checkpoint: MemoryPeaksCheckpoint): boolean {
    if (!checkpoint.every((value) => Number.isFinite(value)) || checkpoint[2] < 0 || checkpoint[3] < 0) return false;
    [this.windowEndMs, this.lastSampleMs, this.peakBytes, this.oomPeakBytes] = checkpoint;
    return true;
  }

  private maxPeak(): number {
    return Math.max(this.peakBytes, this.oomPeakBytes);
  }
}
