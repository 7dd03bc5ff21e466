// The contract between the usage inputs (metrics API sampler, Prometheus history, the on-disk store)
// and their readers (the editor's diagnostics, hover and right-sizing report). Plain data only.
import type { RecommendationExplanation } from '../../core/allocator/recommendation-explain.ts';
import type { Result } from '../../core/result.ts';

/** The labels that name one container of one pod, as cAdvisor's series carry them. */
export interface ContainerSeriesKey {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** The owning workload when known (owner references); else derived from the pod name. */
  readonly workload?: string;
  /** When the container (this run of it) started, if known: its first minutes are kept apart as start-up. */
  readonly startedAtMs?: number;
}

/**
 * Receives history one series at a time, in time order: CPU in cores (a rate), memory in bytes
 * (working set), OOM kills (their times, with the memory in use at each). `sampleMinutes` is how
 * many minutes of one-per-minute sampling each point stands for (5 for a 5-minute step), so
 * confidence counts days, not points.
 */
export type UsageSeriesSink = (
  key: ContainerSeriesKey,
  resource: 'cpu' | 'memory' | 'oom',
  timesMs: Float64Array,
  values: Float64Array,
  sampleMinutes: number,
) => void;

export interface UsageInputError {
  readonly kind: 'unreachable' | 'http' | 'bad-response' | 'query' | 'forbidden' | 'not-installed' | 'storage';
  /** One line naming the source (URL without credentials, or context) and what failed. */
  readonly message: string;
}

export interface HistoryLoadSummary {
  readonly series: number;
  readonly samples: number;
}

/** A history source such as Prometheus: pushes its series into the sink. */
export type HistoryLoader = (sink: UsageSeriesSink, signal: AbortSignal) => Promise<Result<HistoryLoadSummary, UsageInputError>>;

export interface Estimate {
  /** Cores. */
  readonly cpu: number;
  /** Bytes. */
  readonly memory: number;
}

/** Hourly points for a chart, oldest first; NaN where nothing was observed. */
export interface UsageChart {
  readonly startMs: number;
  readonly stepMs: number;
  /** Mean CPU cores over the hour, across the workload's pods. */
  readonly cpu: readonly number[];
  /** Largest memory bytes in the hour, across the workload's pods. */
  readonly memory: readonly number[];
}

/** What is known of one container of one workload. */
export interface WorkloadContainerUsage {
  readonly namespace: string;
  readonly workload: string;
  readonly container: string;
  /** Undefined: not enough data yet. */
  readonly recommendation: { readonly target: Estimate; readonly lowerBound: Estimate; readonly upperBound: Estimate; readonly limits: Estimate } | undefined;
  /** Why the target is what it is (undefined with the recommendation). */
  readonly explanation: RecommendationExplanation | undefined;
  readonly confidenceDays: number;
  readonly firstSampleMs: number | undefined;
  readonly lastSampleMs: number | undefined;
  readonly chart: UsageChart;
}

export type UsageSourcePhase = 'off' | 'loading' | 'ready' | 'error';

/** Where the numbers of one context come from, for the status and the report's header. */
export interface UsageStatus {
  readonly metrics: { readonly phase: UsageSourcePhase; readonly message?: string; readonly lastSampleMs?: number };
  readonly prometheus: { readonly phase: UsageSourcePhase; readonly message?: string; readonly series?: number };
  readonly store: { readonly phase: UsageSourcePhase; readonly message?: string; readonly containers?: number };
}
