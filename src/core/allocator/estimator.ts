// Resource estimators that stack as decorators, after the VPA's
// vertical-pod-autoscaler/pkg/recommender/logic/estimator.go: a percentile of the histograms,
// wrapped by a safety margin, a confidence multiplier and per-container minimums. Each estimates one
// resource at a time, so the stack passes numbers, not an estimate object per step: 10,000 containers'
// recommendations are recomputed as usage arrives.
import type { ContainerUsage } from './container-usage.ts';

/** CPU in cores, memory in bytes. */
export interface ResourceEstimate {
  readonly cpu: number;
  readonly memory: number;
}

export type Resource = keyof ResourceEstimate;

export type Estimator = (usage: ContainerUsage, resource: Resource) => number;

/** Both resources of an estimator. */
export function estimate(estimator: Estimator, usage: ContainerUsage): ResourceEstimate {
  return { cpu: estimator(usage, 'cpu'), memory: estimator(usage, 'memory') };
}

export function percentileEstimator(percentile: number): Estimator {
  return (usage, resource) => (resource === 'cpu' ? usage.cpu : usage.memoryPeaks).percentile(percentile);
}

/** Adds `fraction` (0.15 = 15%) on top of what `base` estimates. */
export function withMargin(fraction: number, base: Estimator): Estimator {
  return (usage, resource) => base(usage, resource) * (1 + fraction);
}

/**
 * Scales by (1 + multiplier / confidence)^exponent, confidence being the days of history: a short
 * history widens the bounds, a long one brings them to the estimate.
 */
export function withConfidenceMultiplier(multiplier: number, exponent: number, base: Estimator): Estimator {
  return (usage, resource) => base(usage, resource) * (1 + multiplier / usage.confidenceDays()) ** exponent;
}

export function withMinimums(minimums: ResourceEstimate, base: Estimator): Estimator {
  return (usage, resource) => Math.max(base(usage, resource), minimums[resource]);
}
