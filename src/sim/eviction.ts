/**
 * The Eviction API (kubectl drain) with PodDisruptionBudgets: a pod one budget covers is evicted
 * only while the budget allows a disruption (which the eviction uses up until the disruption
 * controller recounts), else 429 as kube-apiserver answers; an unready pod goes while the budget is healthy.
 */
import type { KubeObject, LabelSelector, Pod } from './objects.ts';
import { conditionOf, setCondition } from './objects.ts';
import type { Catalog, ResourceType } from './resources.ts';
import { selectorMatches } from './selectors.ts';
import { ApiError } from './status.ts';
import type { Store } from './store.ts';

interface BudgetStatus {
  observedGeneration?: number;
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
}

function refused(message: string, cause?: string): ApiError {
  return new ApiError(429, 'TooManyRequests', message, cause === undefined ? undefined : { causes: [{ reason: 'DisruptionBudget', message: cause }] });
}

/**
 * The DisruptionTarget condition the Eviction API and the taint manager set before they delete a pod
 * (PodDisruptionConditions, GA in 1.31), so its last state says why it went.
 */
export function markDisruptionTarget(store: Store, podType: ResourceType, pod: Pod, why: { reason: string; message: string }, now: string): Pod {
  const conditions = setCondition(pod.status?.conditions ?? [], { type: 'DisruptionTarget', status: 'True', ...why }, now);
  return store.update(podType, { ...pod, status: { ...pod.status, conditions } }) as Pod;
}

/** Checks the budgets covering `pod`, taking one disruption from the budget that allows it. */
export function admitEviction(store: Store, catalog: Catalog, pod: Pod): void {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' || pod.metadata.deletionTimestamp !== undefined) return;
  const type = catalog.stored('policy', 'poddisruptionbudgets');
  const budgets: KubeObject[] = [];
  for (const { object } of store.scan(type, { namespace: pod.metadata.namespace })) {
    const selector = (object['spec'] as { selector?: LabelSelector } | undefined)?.selector;
    if (selector !== undefined && selectorMatches(selector, pod.metadata.labels ?? {})) budgets.push(object);
  }
  const budget = budgets[0];
  if (budget === undefined) return;
  if (budgets.length > 1) throw new ApiError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const status = (budget['status'] ?? {}) as BudgetStatus;
  const name = budget.metadata.name ?? '';
  if ((status.observedGeneration ?? 0) < (budget.metadata.generation ?? 1)) throw refused(`Cannot evict pod as it would violate the pod's disruption budget.`, `The disruption budget ${name} is still being processed by the server.`);
  const healthy = status.currentHealthy ?? 0;
  const desired = status.desiredHealthy ?? 0;
  if (conditionOf(pod.status?.conditions, 'Ready')?.status !== 'True' && healthy >= desired) return;
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed <= 0) throw refused(`Cannot evict pod as it would violate the pod's disruption budget.`, `The disruption budget ${name} needs ${desired} healthy pods and has ${healthy} currently`);
  store.update(type, { ...budget, status: { ...status, disruptionsAllowed: allowed - 1 } });
}
