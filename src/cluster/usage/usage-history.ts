// One context's usage model: per workload container the decaying histograms behind the
// recommendation and an hourly chart, fed by the metrics sampler (one sample per pod container per
// tick) and by history loaders through `sink`. Bounded: containers with no sample for the history
// window expire, and past `maxContainers` the stalest go first.
import { ContainerUsage, HISTORY_WINDOW_MS, MEMORY_AGGREGATION_INTERVAL_MS } from '../../core/allocator/container-usage.ts';
import { HourlyChart, type ChartCheckpoint } from '../../core/allocator/hourly-chart.ts';
import { MemoryPeaks, type MemoryPeaksCheckpoint } from '../../core/allocator/memory-peaks.ts';
import { explainRecommendation } from '../../core/allocator/recommendation-explain.ts';
import { podEstimators, recommend, type PodEstimators } from '../../core/allocator/recommender.ts';
import type { RecommenderOptions } from '../../core/allocator/recommender-options.ts';
import { StartupWindow } from '../../core/allocator/startup-peaks.ts';
import { restoreUsage, usageCheckpoint, type ContainerUsageCheckpoint } from '../../core/allocator/usage-checkpoint.ts';
import { workloadFromPodName } from '../../core/allocator/workload-name.ts';
import type { ContainerSeriesKey, UsageSeriesSink, WorkloadContainerUsage } from './usage-types.ts';

export const DEFAULT_MAX_CONTAINERS = 20_000;

/** One workload container as the store keeps it (plain JSON). */
export interface StoredContainer {
  readonly namespace: string;
  readonly workload: string;
  readonly container: string;
  readonly lastSeenMs: number;
  readonly usage: ContainerUsageCheckpoint;
  readonly chart: ChartCheckpoint | null;
  /** Per pod, the open memory interval whose peak the histogram already holds. */
  readonly pods: Readonly<Record<string, MemoryPeaksCheckpoint>>;
}

interface ContainerEntry {
  readonly namespace: string;
  readonly workload: string;
  readonly container: string;
  readonly usage: ContainerUsage;
  readonly chart: HourlyChart;
  /** The newest sample of either resource, for expiry and the bound. */
  lastSeenMs: number;
  /** Samples up to here came from the store: a history source loaded again must not count them twice. */
  restoredUntilMs: number;
}

interface PodSeries {
  readonly entry: ContainerEntry;
  readonly pod: string;
  readonly peaks: MemoryPeaks;
  readonly startup: StartupWindow;
  /** The metrics API serves the same sample until it refreshes: one tick's duplicate is skipped. */
  lastCpuMs: number;
  lastMs: number;
}

const workloadKey = (namespace: string, workload: string): string => `${namespace}\0${workload}`;
const seriesKey = (namespace: string, pod: string, container: string): string => `${namespace}\0${pod}\0${container}`;

export type UsageHistoryOptions = RecommenderOptions;

export class UsageHistory {
  private readonly maxContainers: number;
  private options: UsageHistoryOptions;
  private readonly workloads = new Map<string, Map<string, ContainerEntry>>();
  private readonly series = new Map<string, PodSeries>();
  private containerCount = 0;
  private cached: { nowHour: number; usage: WorkloadContainerUsage[] } | undefined;

  constructor(maxContainers = DEFAULT_MAX_CONTAINERS, options: UsageHistoryOptions = {}) {
    this.maxContainers = maxContainers;
    this.options = options;
  }

  get size(): number {
    return this.containerCount;
  }

  /**
   * New minimums and margin apply from the next read; a new start-up window to pod containers first
   * seen from now on (samples already taken stay where they went).
   */
  configure(options: UsageHistoryOptions): void {
    this.options = options;
    this.cached = undefined;
  }

  /** One metrics-API observation of a pod container: CPU in cores, memory in bytes (NaN when missing). */
  addSample(key: ContainerSeriesKey, timeMs: number, cpuCores: number, memoryBytes: number): void {
    const series = this.seriesFor(key);
    const { entry } = series;
    if (timeMs > series.lastMs && series.startup.take(key.startedAtMs, timeMs, cpuCores, memoryBytes)) {
      this.seen(series, timeMs);
      return;
    }
    if (cpuCores >= 0 && timeMs > series.lastCpuMs) {
      series.lastCpuMs = timeMs;
      entry.usage.addCpuSample(cpuCores, timeMs);
      entry.chart.addCpu(timeMs, cpuCores);
    }
    if (memoryBytes >= 0 && series.peaks.addSample(memoryBytes, timeMs)) entry.chart.addMemory(timeMs, memoryBytes);
    this.seen(series, timeMs);
  }

  /**
   * An OOM kill of a pod container (lastState.terminated OOMKilled, or Prometheus' OOM series) with
   * the memory in use when it happened; the same kill seen again is ignored.
   */
  addOom(key: ContainerSeriesKey, timeMs: number, usedBytes: number): void {
    const series = this.seriesFor(key);
    if (series.peaks.recordOom(usedBytes, timeMs) !== undefined) this.cached = undefined;
  }

  /** For history loaders: points at or before what the store already held for the container are skipped. */
  readonly sink: UsageSeriesSink = (key, resource, timesMs, values, sampleMinutes) => {
    if (resource === 'oom') {
      for (let index = 0; index < timesMs.length; index += 1) this.addOom(key, timesMs[index] as number, values[index] as number);
      return;
    }
    const series = this.seriesFor(key);
    const { entry } = series;
    let first = 0;
    while (first < timesMs.length && (timesMs[first] as number) <= entry.restoredUntilMs) first += 1;
    const leading = timesMs.subarray(first);
    first += series.startup.takeLeading(key.startedAtMs, leading, resource === 'cpu' ? values.subarray(first) : undefined, resource === 'memory' ? values.subarray(first) : undefined, leading.length);
    const times = timesMs.subarray(first);
    const points = values.subarray(first);
    if (times.length === 0) return;
    if (resource === 'cpu') {
      entry.usage.addCpuSamples(points, times, times.length, 0, sampleMinutes);
      for (let index = 0; index < times.length; index += 1) entry.chart.addCpu(times[index] as number, points[index] as number, sampleMinutes);
      series.lastCpuMs = Math.max(series.lastCpuMs, times[times.length - 1] as number);
    } else {
      for (let index = 0; index < times.length; index += 1) {
        const bytes = points[index] as number;
        if (bytes >= 0 && series.peaks.addSample(bytes, times[index] as number)) entry.chart.addMemory(times[index] as number, bytes);
      }
    }
    this.seen(series, times[times.length - 1] as number);
  };

  /** Every workload container, sorted by namespace, workload and container; the chart ends at `nowMs`. */
  usage(nowMs: number): WorkloadContainerUsage[] {
    const nowHour = Math.floor(nowMs / 3_600_000);
    if (this.cached?.nowHour === nowHour) return this.cached.usage;
    const estimators = new Map<number, PodEstimators>();
    const result: WorkloadContainerUsage[] = [];
    for (const key of [...this.workloads.keys()].sort()) {
      const containers = this.workloads.get(key) as Map<string, ContainerEntry>;
      let forSize = estimators.get(containers.size);
      if (forSize === undefined) estimators.set(containers.size, (forSize = podEstimators(containers.size, this.options.settings)));
      for (const name of [...containers.keys()].sort()) result.push(this.describe(containers.get(name) as ContainerEntry, forSize, nowMs));
    }
    this.cached = { nowHour, usage: result };
    return result;
  }

  find(namespace: string, workload: string, container: string, nowMs: number): WorkloadContainerUsage | undefined {
    const containers = this.workloads.get(workloadKey(namespace, workload));
    const entry = containers?.get(container);
    return entry === undefined || containers === undefined ? undefined : this.describe(entry, podEstimators(containers.size, this.options.settings), nowMs);
  }

  /**
   * Drops containers with no sample in the history window and pods whose memory interval is over,
   * then the stalest containers beyond the bound. Returns how many containers went.
   */
  expire(nowMs: number): number {
    const before = this.containerCount;
    for (const containers of this.workloads.values()) {
      for (const entry of containers.values()) if (entry.lastSeenMs < nowMs - HISTORY_WINDOW_MS) this.remove(entry);
    }
    const excess = this.containerCount - this.maxContainers;
    if (excess > 0) {
      const entries = [...this.workloads.values()].flatMap((containers) => [...containers.values()]);
      entries.sort((a, b) => a.lastSeenMs - b.lastSeenMs);
      for (const entry of entries.slice(0, excess)) this.remove(entry);
    }
    for (const [key, series] of this.series) {
      if (series.lastMs < nowMs - MEMORY_AGGREGATION_INTERVAL_MS || this.entry(series.entry) !== series.entry) this.series.delete(key);
    }
    if (this.containerCount !== before) this.cached = undefined;
    return before - this.containerCount;
  }

  checkpoint(): StoredContainer[] {
    const pods = new Map<ContainerEntry, Record<string, MemoryPeaksCheckpoint>>();
    for (const series of this.series.values()) {
      const peaks = series.peaks.checkpoint();
      if (peaks === undefined) continue;
      let forEntry = pods.get(series.entry);
      if (forEntry === undefined) pods.set(series.entry, (forEntry = {}));
      forEntry[series.pod] = peaks;
    }
    return [...this.workloads.values()].flatMap((containers) =>
      [...containers.values()].map((entry) => ({
        namespace: entry.namespace,
        workload: entry.workload,
        container: entry.container,
        lastSeenMs: entry.lastSeenMs,
        usage: usageCheckpoint(entry.usage),
        chart: entry.chart.checkpoint() ?? null,
        pods: pods.get(entry) ?? {},
      })),
    );
  }

  /** Adds stored containers (untrusted JSON); returns how many were malformed and skipped. */
  restore(stored: readonly unknown[]): number {
    let skipped = 0;
    for (const item of stored) if (!this.restoreOne(item)) skipped += 1;
    this.cached = undefined;
    return skipped;
  }

  private restoreOne(item: unknown): boolean {
    if (typeof item !== 'object' || item === null) return false;
    const { namespace, workload, container, lastSeenMs, usage, chart, pods } = item as Record<string, unknown>;
    if (typeof namespace !== 'string' || typeof workload !== 'string' || typeof container !== 'string' || typeof lastSeenMs !== 'number') return false;
    if (typeof pods !== 'object' || pods === null || this.workloads.get(workloadKey(namespace, workload))?.has(container) === true) return false;
    const restored = restoreUsage(usage);
    if (!restored.ok) return false;
    const entry = this.newEntry(namespace, workload, container, restored.value);
    if (chart !== null && (typeof chart !== 'object' || !entry.chart.restore(chart as ChartCheckpoint))) return false;
    for (const [pod, peaks] of Object.entries(pods)) {
      const series: PodSeries = { entry, pod, peaks: new MemoryPeaks(entry.usage), startup: this.startupWindow(entry), lastCpuMs: entry.usage.lastSampleMs, lastMs: lastSeenMs };
      if (Array.isArray(peaks) && (peaks.length === 4 || peaks.length === 5) && series.peaks.restore(peaks as unknown as MemoryPeaksCheckpoint)) {
        this.series.set(seriesKey(namespace, pod, container), series);
      }
    }
    entry.lastSeenMs = lastSeenMs;
    entry.restoredUntilMs = lastSeenMs;
    this.add(entry);
    return true;
  }

  private describe(entry: ContainerEntry, estimators: PodEstimators, nowMs: number): WorkloadContainerUsage {
    const { usage } = entry;
    const sampled = usage.cpuSampleCount > 0;
    const recommendation = recommend(usage, estimators);
    return {
      namespace: entry.namespace,
      workload: entry.workload,
      container: entry.container,
      recommendation,
      explanation: recommendation === undefined ? undefined : explainRecommendation(usage, estimators),
      confidenceDays: usage.confidenceDays(),
      firstSampleMs: sampled ? usage.firstSampleMs : undefined,
      lastSampleMs: sampled ? usage.lastSampleMs : undefined,
      chart: entry.chart.points(nowMs),
    };
  }

  private seriesFor(key: ContainerSeriesKey): PodSeries {
    const id = seriesKey(key.namespace, key.pod, key.container);
    let series = this.series.get(id);
    if (series === undefined) {
      const workload = key.workload ?? workloadFromPodName(key.pod).name;
      let entry = this.workloads.get(workloadKey(key.namespace, workload))?.get(key.container);
      if (entry === undefined) this.add((entry = this.newEntry(key.namespace, workload, key.container, new ContainerUsage())));
      series = { entry, pod: key.pod, peaks: new MemoryPeaks(entry.usage), startup: this.startupWindow(entry), lastCpuMs: Number.NEGATIVE_INFINITY, lastMs: Number.NEGATIVE_INFINITY };
      this.series.set(id, series);
    }
    return series;
  }

  private startupWindow(entry: ContainerEntry): StartupWindow {
    return new StartupWindow(entry.usage.startup, this.options.startupWindowMs);
  }

  private seen(series: PodSeries, timeMs: number): void {
    if (timeMs > series.lastMs) series.lastMs = timeMs;
    if (timeMs > series.entry.lastSeenMs) series.entry.lastSeenMs = timeMs;
    this.cached = undefined;
  }

  private newEntry(namespace: string, workload: string, container: string, usage: ContainerUsage): ContainerEntry {
    const none = Number.NEGATIVE_INFINITY;
    return { namespace, workload, container, usage, chart: new HourlyChart(), lastSeenMs: none, restoredUntilMs: none };
  }

  private entry(of: ContainerEntry): ContainerEntry | undefined {
    return this.workloads.get(workloadKey(of.namespace, of.workload))?.get(of.container);
  }

  private add(entry: ContainerEntry): void {
    const key = workloadKey(entry.namespace, entry.workload);
    let containers = this.workloads.get(key);
    if (containers === undefined) this.workloads.set(key, (containers = new Map()));
    containers.set(entry.container, entry);
    this.containerCount += 1;
  }

  private remove(entry: ContainerEntry): void {
    const key = workloadKey(entry.namespace, entry.workload);
    const containers = this.workloads.get(key);
    if (containers?.delete(entry.container) !== true) return;
    if (containers.size === 0) this.workloads.delete(key);
    this.containerCount -= 1;
  }
}
