// Usage samples of pod containers folded into one ContainerUsage per workload container (the VPA
// aggregates by workload and container name), with memory peaks tracked per pod container.
import { ContainerUsage } from './container-usage.ts';
import { MemoryPeaks } from './memory-peaks.ts';
import { explainRecommendation, type RecommendationExplanation } from './recommendation-explain.ts';
import { podEstimators, recommend, type PodEstimators, type Recommendation } from './recommender.ts';
import type { RecommenderOptions } from './recommender-options.ts';
import { StartupWindow } from './startup-peaks.ts';
import { workloadFromPodName } from './workload-name.ts';

/** The samples of one container of one pod; the sampler keeps it to skip lookups per sample. */
export class UsageSeries {
  private readonly usage: ContainerUsage;
  private readonly peaks: MemoryPeaks;
  private readonly startup: StartupWindow;

  constructor(usage: ContainerUsage, startupWindowMs?: number) {
    this.usage = usage;
    this.peaks = new MemoryPeaks(usage);
    this.startup = new StartupWindow(usage.startup, startupWindowMs);
  }

  /**
   * One observation: CPU in cores, memory in bytes; either may be missing (NaN). Within the
   * start-up window of the container's start (`startedAtMs`, when known) it goes to the start-up peaks.
   */
  add(timeMs: number, cpuCores: number, memoryBytes: number, startedAtMs?: number): void {
    if (this.startup.take(startedAtMs, timeMs, cpuCores, memoryBytes)) return;
    if (cpuCores >= 0) this.usage.addCpuSample(cpuCores, timeMs);
    if (memoryBytes >= 0) this.peaks.addSample(memoryBytes, timeMs);
  }

  /**
   * Many observations in time order at once (a page of a Prometheus range query, a chunk of a usage
   * file): the loops stay inside the model, so no number is boxed per sample. NaN marks a missing value.
   */
  addAll(timesMs: Float64Array, cpuCores: Float64Array, memoryBytes: Float64Array, count = timesMs.length, startedAtMs?: number): void {
    const first = this.startup.takeLeading(startedAtMs, timesMs, cpuCores, memoryBytes, count);
    if (first > 0) {
      this.addAll(timesMs.subarray(first), cpuCores.subarray(first), memoryBytes.subarray(first), count - first);
      return;
    }
    this.usage.addCpuSamples(cpuCores, timesMs, count);
    for (let index = 0; index < count; index += 1) {
      const memory = memoryBytes[index] as number;
      if (memory >= 0) this.peaks.addSample(memory, timesMs[index] as number);
    }
  }

  /** An OOM kill with the memory in use at the time. */
  addOom(timeMs: number, memoryBytes: number): void {
    this.peaks.recordOom(memoryBytes, timeMs);
  }
}

export interface WorkloadContainerRecommendation {
  readonly namespace: string;
  readonly workload: string;
  readonly container: string;
  /** Undefined: not enough data. */
  readonly recommendation: Recommendation | undefined;
  readonly confidenceDays: number;
}

export type AggregatorOptions = RecommenderOptions;

interface Workload {
  readonly namespace: string;
  readonly name: string;
  readonly containers: Map<string, ContainerUsage>;
  /** The container names in order, kept as they are added: recommendations() runs far more often. */
  readonly sortedContainers: string[];
}

/** A workload's key: "\0" sorts before every character a name may hold (see workloadsInOrder). */
const workloadKey = (namespace: string, name: string): string => `${namespace}\0${name}`;

export class UsageAggregator {
  private readonly workloads = new Map<string, Workload>();
  private readonly series = new Map<string, UsageSeries>();
  private readonly options: AggregatorOptions;
  /** The workloads by namespace and name; undefined again when one is added. */
  private sortedWorkloads: Workload[] | undefined;

  constructor(options: AggregatorOptions = {}) {
    this.options = options;
  }

  /** The series of a pod container; the workload defaults to the one its pod name implies. */
  seriesFor(namespace: string, pod: string, container: string, workload = workloadFromPodName(pod).name): UsageSeries {
    const seriesKey = `${namespace}/${pod}/${container}`;
    let series = this.series.get(seriesKey);
    if (series === undefined) {
      series = new UsageSeries(this.containerUsage(namespace, workload, container), this.options.startupWindowMs);
      this.series.set(seriesKey, series);
    }
    return series;
  }

  /** Per workload container, sorted by namespace, workload and container. */
  recommendations(): WorkloadContainerRecommendation[] {
    // Workloads mostly share a container count: one estimator stack per count, for this call.
    const estimatorsByCount = new Map<number, PodEstimators>();
    const result: WorkloadContainerRecommendation[] = [];
    for (const workload of this.workloadsInOrder()) {
      let estimators = estimatorsByCount.get(workload.containers.size);
      if (estimators === undefined) {
        estimators = podEstimators(workload.containers.size, this.options.settings);
        estimatorsByCount.set(workload.containers.size, estimators);
      }
      for (const container of workload.sortedContainers) {
        const usage = workload.containers.get(container) as ContainerUsage;
        result.push({ namespace: workload.namespace, workload: workload.name, container, recommendation: recommend(usage, estimators), confidenceDays: usage.confidenceDays() });
      }
    }
    return result;
  }

  /**
   * Why one container's recommendation is what it is, asked for the rows a user looks at: building
   * it for every row would cost more than the recommendations themselves. Undefined without one.
   */
  explain(namespace: string, workload: string, container: string): RecommendationExplanation | undefined {
    const found = this.workloads.get(workloadKey(namespace, workload));
    const usage = found?.containers.get(container);
    if (found === undefined || usage === undefined || !usage.hasData()) return undefined;
    return explainRecommendation(usage, podEstimators(found.containers.size, this.options.settings));
  }

  private workloadsInOrder(): Workload[] {
    // By workloadKey, the native string sort orders by namespace, then workload, without a
    // comparator call per pair.
    this.sortedWorkloads ??= [...this.workloads.keys()].sort().map((key) => this.workloads.get(key) as Workload);
    return this.sortedWorkloads;
  }

  private containerUsage(namespace: string, name: string, container: string): ContainerUsage {
    const key = workloadKey(namespace, name);
    let workload = this.workloads.get(key);
    if (workload === undefined) {
      workload = { namespace, name, containers: new Map(), sortedContainers: [] };
      this.workloads.set(key, workload);
      this.sortedWorkloads = undefined;
    }
    let usage = workload.containers.get(container);
    if (usage === undefined) {
      usage = new ContainerUsage();
      workload.containers.set(container, usage);
      workload.sortedContainers.push(container);
      workload.sortedContainers.sort();
    }
    return usage;
  }
}
