// Resource estimators that stack as decorators, after the VPA's
// vertical-pod-autoscaler/pkg/recommender/logic/estimator.go: a percentile of the histograms,
// wrapped by a safety margin, a confidence multiplier and per-container minimums.
import type { ContainerUsage } from './container-usage.ts';

/** CPU in cores, memory in bytes. */
export interface ResourceEstimate {
  readonly cpu: number;
  readonly memory: number;
}

export type Estimator = (usage: ContainerUsage) => ResourceEstimate;

export function percentileEstimator(cpuPercentile: number, memoryPercentile: number): Estimator {
  return (usage) => ({ cpu: usage.cpu.percentile(cpuPercentile), memory: usage.memoryPeaks.percentile(memoryPercentile) });
}

/** Adds `fraction` (0.15 = 15%) on top of what `base` estimates. */
export function withMargin(fraction: number, base: Estimator): Estimator {
  return (usage) => scale(base(usage), 1 + fraction);
}

/**
 * Scales by (1 + multiplier / confidence)^exponent, confidence being the days of history: a short
 * history widens the bounds, a long one brings them to the estimate.
 */
export function withConfidenceMultiplier(multiplier: number, exponent: number, base: Estimator): Estimator {
  return (usage) => scale(base(usage), (1 + multiplier / usage.confidenceDays()) ** exponent);
}

export function withMinimums(minimums: ResourceEstimate, base: Estimator): Estimator {
  return (usage) => {
    const estimate = base(usage);
    return { cpu: Math.max(estimate.cpu, minimums.cpu), memory: Math.max(estimate.memory, minimums.memory) };
  };
}

function scale(estimate: ResourceEstimate, factor: number): ResourceEstimate {
  return { cpu: estimate.cpu * factor, memory: estimate.memory * factor };
}
