// What the recommender knows about one container of a workload, aggregated over its pods: CPU usage
// and memory peaks as decaying histograms, after the VPA's
// vertical-pod-autoscaler/pkg/recommender/model/aggregate_container_state.go.
import { CPU_BUCKETS, MEMORY_BUCKETS, MIN_SAMPLE_WEIGHT } from './bucket-scheme.ts';
import { DecayingHistogram } from './decaying-histogram.ts';
import { DAY_MS, DECAY_CLOCK } from './history-window.ts';
import { OomKills } from './oom-kills.ts';
import { StartupPeaks } from './startup-peaks.ts';

export { DAY_MS, HISTORY_WINDOW_MS, HOUR_MS, MEMORY_AGGREGATION_INTERVAL_MS } from './history-window.ts';

// recommender.go getConfidence: samples are counted as days of one sample per minute.
const SAMPLES_PER_DAY = 60 * 24;

export class ContainerUsage {
  readonly cpu = new DecayingHistogram(CPU_BUCKETS, DECAY_CLOCK);
  readonly memoryPeaks = new DecayingHistogram(MEMORY_BUCKETS, DECAY_CLOCK);
  /** Kept beside the histogram: the memory target never goes under a recent kill's bump. */
  readonly oomKills = new OomKills();
  /** The first minutes after each container start, kept out of the histograms above. */
  readonly startup = new StartupPeaks();
  firstSampleMs = Number.POSITIVE_INFINITY;
  lastSampleMs = Number.NEGATIVE_INFINITY;
  /** CPU samples seen; the VPA counts only these for confidence. */
  cpuSampleCount = 0;

  /**
   * One CPU sample in cores. Its weight is the container's CPU request in cores, at least
   * MIN_SAMPLE_WEIGHT (addCPUSample): a raised request makes the older history count for less.
   */
  addCpuSample(cores: number, timeMs: number, requestCores = 0): void {
    this.cpu.addSample(cores, requestCores > MIN_SAMPLE_WEIGHT ? requestCores : MIN_SAMPLE_WEIGHT, timeMs);
    if (timeMs > this.lastSampleMs) this.lastSampleMs = timeMs;
    if (timeMs < this.firstSampleMs) this.firstSampleMs = timeMs;
    this.cpuSampleCount += 1;
  }

  /**
   * CPU samples in time order, the batch form of addCpuSample; values that are not numbers ≥ 0 are
   * skipped. A point that stands for `sampleMinutes` one-minute samples (a 5-minute Prometheus step)
   * weighs and counts as that many, so history mixes evenly with live samples and confidence counts days.
   */
  addCpuSamples(cores: Float64Array, timesMs: Float64Array, count: number, requestCores = 0, sampleMinutes = 1): void {
    const weight = requestCores > MIN_SAMPLE_WEIGHT ? requestCores : MIN_SAMPLE_WEIGHT;
    this.cpu.addSamples(cores, weight * sampleMinutes, timesMs, count);
    const countBefore = this.cpuSampleCount;
    for (let index = 0; index < count; index += 1) {
      if (!((cores[index] as number) >= 0)) continue;
      const timeMs = timesMs[index] as number;
      if (timeMs > this.lastSampleMs) this.lastSampleMs = timeMs;
      if (timeMs < this.firstSampleMs) this.firstSampleMs = timeMs;
      this.cpuSampleCount += 1;
    }
    // Scaled once after the loop, which stays the one-minute loop the ingestion benchmark measures.
    if (sampleMinutes !== 1) this.cpuSampleCount = countBefore + (this.cpuSampleCount - countBefore) * sampleMinutes;
  }

  /**
   * Days of history the recommendation rests on: the smaller of the span between first and last
   * sample and the sample count in days of 1/minute (logic/estimator.go getConfidence).
   */
  confidenceDays(): number {
    if (this.cpuSampleCount === 0) return 0;
    return Math.min((this.lastSampleMs - this.firstSampleMs) / DAY_MS, this.cpuSampleCount / SAMPLES_PER_DAY);
  }

  hasData(): boolean {
    return this.cpuSampleCount > 0 && !this.memoryPeaks.isEmpty();
  }
}
