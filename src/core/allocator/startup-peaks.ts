// The first minutes after a container starts (JVM warm-up, caches filling) kept apart from its
// steady usage: one CPU and one memory peak per start, in decaying histograms of their own, so a
// P90 of the steady state cannot hide a start-up that needs more (KRR's issue 110).
import { CPU_BUCKETS, MEMORY_BUCKETS } from './bucket-scheme.ts';
import { DecayingHistogram } from './decaying-histogram.ts';
import { DECAY_CLOCK } from './history-window.ts';

export const DEFAULT_STARTUP_WINDOW_MS = 5 * 60_000;

// Like the memory peaks, each start counts once (AggregateContainerState's memory weight).
const PEAK_WEIGHT = 1;

/** One workload container's start-up peaks, over all its pods. */
export class StartupPeaks {
  readonly cpu = new DecayingHistogram(CPU_BUCKETS, DECAY_CLOCK);
  readonly memory = new DecayingHistogram(MEMORY_BUCKETS, DECAY_CLOCK);
  starts = 0;
}

/** The current start of one pod container: its peaks replace themselves in the histograms as they grow. */
export class StartupWindow {
  private readonly peaks: StartupPeaks;
  private readonly windowMs: number;
  private startedAtMs = Number.NaN;
  private cpuPeak = 0;
  private memoryPeak = 0;

  constructor(peaks: StartupPeaks, windowMs = DEFAULT_STARTUP_WINDOW_MS) {
    this.peaks = peaks;
    this.windowMs = windowMs;
  }

  /** Whether a sample at `timeMs` falls in the start-up window of a container started at `startedAtMs`. */
  covers(startedAtMs: number | undefined, timeMs: number): boolean {
    return startedAtMs !== undefined && timeMs >= startedAtMs && timeMs - startedAtMs < this.windowMs;
  }

  /** Takes a sample of the start-up window (NaN for a missing value); false when it is not in one. */
  take(startedAtMs: number | undefined, timeMs: number, cpuCores: number, memoryBytes: number): boolean {
    if (startedAtMs === undefined || !this.covers(startedAtMs, timeMs)) return false;
    if (startedAtMs !== this.startedAtMs) {
      this.startedAtMs = startedAtMs;
      this.cpuPeak = 0;
      this.memoryPeak = 0;
      this.peaks.starts += 1;
    }
    this.cpuPeak = raise(this.peaks.cpu, this.cpuPeak, cpuCores, startedAtMs);
    this.memoryPeak = raise(this.peaks.memory, this.memoryPeak, memoryBytes, startedAtMs);
    return true;
  }

  /**
   * Batch form for time-ordered points (a Prometheus series, a usage file's chunk): the leading
   * points inside the window are taken; returns the index of the first one left for the steady state.
   */
  takeLeading(startedAtMs: number | undefined, timesMs: Float64Array, cpuCores: Float64Array | undefined, memoryBytes: Float64Array | undefined, count: number): number {
    let index = 0;
    while (index < count && this.take(startedAtMs, timesMs[index] as number, cpuCores?.[index] ?? Number.NaN, memoryBytes?.[index] ?? Number.NaN)) index += 1;
    return index;
  }
}

/** The start's peak in `histogram` replaced by `value` when larger; returns the peak. */
function raise(histogram: DecayingHistogram, peak: number, value: number, startedAtMs: number): number {
  if (!(value > peak)) return peak;
  if (peak > 0) histogram.subtractSample(peak, PEAK_WEIGHT, startedAtMs);
  histogram.addSample(value, PEAK_WEIGHT, startedAtMs);
  return value;
}
