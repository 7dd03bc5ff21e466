// Target, lower and upper bound per container, with the VPA recommender's defaults
// (vertical-pod-autoscaler/pkg/recommender/logic/recommender.go): P90 / P50 / P95 plus a 15% safety
// margin, the confidence multiplier on the bounds, then the per-pod minimums split over containers.
import type { ContainerUsage } from './container-usage.ts';
import {
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

// Not in the VPA (which caps at MaxResourceAmount): with under a day of history the upper bound's
// multiplier is huge or infinite; no recommendation goes past what the histograms can hold.
const CEILING: ResourceEstimate = { cpu: 1000, memory: 1e12 };

export interface Recommendation {
  readonly target: ResourceEstimate;
  readonly lowerBound: ResourceEstimate;
  readonly upperBound: ResourceEstimate;
}

/** The three stacked estimators for the containers of a pod with a given number of containers. */
export interface PodEstimators {
  readonly target: Estimator;
  readonly lowerBound: Estimator;
  readonly upperBound: Estimator;
}

/** The pod minimums are split evenly over the containers (GetRecommendedPodResources). */
export function podEstimators(containerCount: number): PodEstimators {
  const fraction = 1 / Math.max(1, containerCount);
  const minimums = { cpu: POD_MIN_CPU_CORES * fraction, memory: POD_MIN_MEMORY_BYTES * fraction };
  // The margin comes before the confidence multiplier, as in recommender.go.
  const lower = withMargin(SAFETY_MARGIN, percentileEstimator(LOWER_BOUND_PERCENTILE, LOWER_BOUND_PERCENTILE));
  const upper = withMargin(SAFETY_MARGIN, percentileEstimator(UPPER_BOUND_PERCENTILE, UPPER_BOUND_PERCENTILE));
  return {
    target: withMinimums(minimums, withMargin(SAFETY_MARGIN, percentileEstimator(TARGET_PERCENTILE, TARGET_PERCENTILE))),
    // Lower bound × (1 + 0.001 / confidence)^-2: barely moves after a day of history.
    lowerBound: withMinimums(minimums, withConfidenceMultiplier(0.001, -2, lower)),
    // Upper bound × (1 + 1 / confidence): twice the estimate after one day, +14% after a week.
    upperBound: withMinimums(minimums, withConfidenceMultiplier(1, 1, upper)),
  };
}

/**
 * The recommendation for one container, or undefined when there is not enough data (no CPU sample
 * or no memory peak yet): never a zero request.
 */
export function recommend(usage: ContainerUsage, estimators: PodEstimators): Recommendation | undefined {
  if (!usage.hasData()) return undefined;
  return {
    target: capped(estimators.target(usage)),
    lowerBound: capped(estimators.lowerBound(usage)),
    upperBound: capped(estimators.upperBound(usage)),
  };
}

/** Recommendations for the containers of one workload's pods, keyed like the input. */
export function recommendPod<Key>(containers: ReadonlyMap<Key, ContainerUsage>): Map<Key, Recommendation | undefined> {
  const estimators = podEstimators(containers.size);
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
