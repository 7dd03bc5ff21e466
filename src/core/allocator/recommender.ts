// Target, lower and upper bound per container, with the VPA recommender's defaults
// (vertical-pod-autoscaler/pkg/recommender/logic/recommender.go): P90 / P50 / P95 plus a 15% safety
// margin, the confidence multiplier on the bounds, then the per-pod minimums split over containers.
import type { ContainerUsage } from './container-usage.ts';
import {
  estimate,
  percentileEstimator,
  withConfidenceMultiplier,
  withMargin,
  withMinimums,
  type Estimator,
  type ResourceEstimate,
} from './estimator.ts';
import { formatQuantity, quantityFromNumber } from './quantity.ts';

// recommender.go flags: --target-cpu-percentile=0.9 and the fixed lower/upper percentiles.
const TARGET_PERCENTILE = 0.9;
const LOWER_BOUND_PERCENTILE = 0.5;
const UPPER_BOUND_PERCENTILE = 0.95;
// --recommendation-margin-fraction=0.15
export const SAFETY_MARGIN = 0.15;
// --pod-recommendation-min-cpu-millicores=25, --pod-recommendation-min-memory-mb=250 (MiB: the
// flag is multiplied by 1024 * 1024).
export const POD_MIN_CPU_CORES = 0.025;
export const POD_MIN_MEMORY_BYTES = 250 * 2 ** 20;

/** The recommender's knobs; the defaults are the VPA's. */
export interface RecommenderSettings {
  /** Per pod, split evenly over its containers. */
  readonly podMinCpuCores: number;
  readonly podMinMemoryBytes: number;
  /** Added on top of every percentile (0.15 = 15%). */
  readonly marginFraction: number;
}

export const DEFAULT_RECOMMENDER_SETTINGS: RecommenderSettings = {
  podMinCpuCores: POD_MIN_CPU_CORES,
  podMinMemoryBytes: POD_MIN_MEMORY_BYTES,
  marginFraction: SAFETY_MARGIN,
};

// Not in the VPA (which caps at MaxResourceAmount): with under a day of history the upper bound's
// multiplier is huge or infinite; no recommendation goes past what the histograms can hold.
const CEILING: ResourceEstimate = { cpu: 1000, memory: 1e12 };

export interface Recommendation {
  readonly target: ResourceEstimate;
  readonly lowerBound: ResourceEstimate;
  readonly upperBound: ResourceEstimate;
  /** Suggested limits: the steady P95 and the start-up P95 with the margin, never under the target. */
  readonly limits: ResourceEstimate;
}

/** The three stacked estimators for the containers of a pod with a given number of containers. */
export interface PodEstimators {
  readonly target: Estimator;
  readonly lowerBound: Estimator;
  readonly upperBound: Estimator;
  /** The per-container minimums and the margin the estimators apply, for the explanation. */
  readonly minimums: ResourceEstimate;
  readonly marginFraction: number;
}

/** The pod minimums are split evenly over the containers (GetRecommendedPodResources). */
export function podEstimators(containerCount: number, settings: RecommenderSettings = DEFAULT_RECOMMENDER_SETTINGS): PodEstimators {
  const fraction = 1 / Math.max(1, containerCount);
  const minimums = { cpu: settings.podMinCpuCores * fraction, memory: settings.podMinMemoryBytes * fraction };
  const margin = settings.marginFraction;
  // The margin comes before the confidence multiplier, as in recommender.go.
  const lower = withMargin(margin, percentileEstimator(LOWER_BOUND_PERCENTILE));
  const upper = withMargin(margin, percentileEstimator(UPPER_BOUND_PERCENTILE));
  return {
    target: withMinimums(minimums, withMargin(margin, percentileEstimator(TARGET_PERCENTILE))),
    // Lower bound × (1 + 0.001 / confidence)^-2: barely moves after a day of history.
    lowerBound: withMinimums(minimums, withConfidenceMultiplier(0.001, -2, lower)),
    // Upper bound × (1 + 1 / confidence): twice the estimate after one day, +14% after a week.
    upperBound: withMinimums(minimums, withConfidenceMultiplier(1, 1, upper)),
    minimums,
    marginFraction: margin,
  };
}

/**
 * What memory may not go under whatever the percentiles say: the largest OOM-bumped sample still in
 * the window, and the start-up peaks' P95.
 */
export function memoryFloors(usage: ContainerUsage): { oomBytes: number; startupBytes: number } {
  return { oomBytes: usage.oomKills.summary(usage.lastSampleMs).floorBytes, startupBytes: usage.startup.memory.percentile(UPPER_BOUND_PERCENTILE) };
}

/**
 * The recommendation for one container, or undefined when there is not enough data (no CPU sample
 * or no memory peak yet): never a zero request.
 */
export function recommend(usage: ContainerUsage, estimators: PodEstimators): Recommendation | undefined {
  if (!usage.hasData()) return undefined;
  const floors = memoryFloors(usage);
  const floor = Math.max(floors.oomBytes, floors.startupBytes);
  const target = capped({ cpu: estimators.target(usage, 'cpu'), memory: Math.max(estimators.target(usage, 'memory'), floor) });
  const upperBound = capped(estimate(estimators.upperBound, usage));
  const grown = 1 + estimators.marginFraction;
  const startupCpu = usage.startup.cpu.percentile(UPPER_BOUND_PERCENTILE) * grown;
  const limits = {
    cpu: Math.max(target.cpu, usage.cpu.percentile(UPPER_BOUND_PERCENTILE) * grown, startupCpu),
    memory: Math.max(target.memory, usage.memoryPeaks.percentile(UPPER_BOUND_PERCENTILE) * grown, floors.startupBytes * grown),
  };
  return {
    target,
    lowerBound: capped(estimate(estimators.lowerBound, usage)),
    // Never under the target a floor raised.
    upperBound: { cpu: Math.max(upperBound.cpu, target.cpu), memory: Math.max(upperBound.memory, target.memory) },
    limits: capped(limits),
  };
}

/** Recommendations for the containers of one workload's pods, keyed like the input. */
export function recommendPod<Key>(containers: ReadonlyMap<Key, ContainerUsage>, settings?: RecommenderSettings): Map<Key, Recommendation | undefined> {
  const estimators = podEstimators(containers.size, settings);
  return new Map([...containers].map(([key, usage]) => [key, recommend(usage, estimators)]));
}

function capped(estimate: ResourceEstimate): ResourceEstimate {
  return { cpu: Math.min(estimate.cpu, CEILING.cpu), memory: Math.min(estimate.memory, CEILING.memory) };
}

/** Kubernetes strings: CPU rounded up to whole millicores, memory up to whole MiB. */
export function estimateQuantities(estimate: ResourceEstimate): { cpu: string; memory: string } {
  return {
    cpu: formatQuantity(quantityFromNumber(estimate.cpu, 'DecimalSI', 0.001)),
    memory: formatQuantity(quantityFromNumber(estimate.memory, 'BinarySI', 2 ** 20)),
  };
}
