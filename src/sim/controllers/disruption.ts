/**
 * The disruption controller: a PodDisruptionBudget's status from the pods it selects — expected,
 * healthy (Ready) and desired healthy pods, and how many may be disrupted now.
 */
import type { KubeObject, LabelSelector, Pod } from '../objects.ts';
import { setCondition } from '../objects.ts';
import { selectorMatches } from '../selectors.ts';
import type { ControllerEnvironment } from './environment.ts';
import { modify } from './environment.ts';
import { isActive, isReady } from './replicaset.ts';
import { runSelecting, selectedPods } from './selecting.ts';

const selects = (budget: KubeObject, pod: Pod): boolean => {
  const selector = (budget['spec'] as { selector?: LabelSelector } | undefined)?.selector;
  // policy/v1: an empty selector selects every pod of the namespace; a missing one none.
  return selector !== undefined && selectorMatches(selector, pod.metadata.labels ?? {});
};

/** An int-or-percent of `total`, rounded up as the controller scales both fields. */
function scaled(value: unknown, total: number): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !value.endsWith('%')) return undefined;
  return Math.ceil((Number(value.slice(0, -1)) * total) / 100);
}

/** Healthy pods the budget needs, given how many it expects. */
export function desiredHealthy(spec: { minAvailable?: unknown; maxUnavailable?: unknown }, expected: number): number {
  const unavailable = scaled(spec.maxUnavailable, expected);
  if (unavailable !== undefined) return Math.max(0, expected - unavailable);
  return scaled(spec.minAvailable, expected) ?? 0;
}

export class DisruptionController {
  private readonly environment: ControllerEnvironment;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    runSelecting(environment, 'disruption', environment.types.podDisruptionBudget, selects, (budget) => {
      if (budget !== undefined) this.sync(budget);
    });
  }

  private sync(budget: KubeObject): void {
    const { types, clock } = this.environment;
    const pods = selectedPods(this.environment, budget, selects).filter(isActive);
    const expected = pods.length;
    const healthy = pods.filter(isReady).length;
    const desired = desiredHealthy((budget['spec'] ?? {}) as Record<string, unknown>, expected);
    const allowed = Math.max(0, healthy - desired);
    modify(this.environment, types.podDisruptionBudget, budget, (copy) => {
      const status = (copy['status'] ?? {}) as Record<string, unknown>;
      const conditions = setCondition(
        (status['conditions'] ?? []) as Parameters<typeof setCondition>[0],
        allowed > 0
          ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '' }
          : { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '' },
        clock.timestamp(),
      ).map((condition) => ({ ...condition, observedGeneration: budget.metadata.generation ?? 1 }));
      copy['status'] = {
        observedGeneration: budget.metadata.generation ?? 1,
        disruptionsAllowed: allowed,
        currentHealthy: healthy,
        desiredHealthy: desired,
        expectedPods: expected,
        conditions,
      };
    });
  }
}
