import { hpaTargets } from '../hpa.ts';
import { rangeIn } from '../ranges.ts';
import { describe, relatedTo, reportOn } from '../report.ts';
import { selectorMatches, templateLabels } from '../selectors.ts';
import type { Rule } from '../types.ts';
import { mappingAt, valueAt } from '../values.ts';

/** Whether a budget's minAvailable leaves no eviction when `replicas` pods run (maxUnavailable 0 is pdb-max-unavailable's). */
function blocksAt(min: unknown, replicas: number): boolean {
  if (typeof min === 'number') return min >= replicas;
  return typeof min === 'string' && /^\d+%$/.test(min) && Number.parseInt(min, 10) >= 100;
}

export const pdbHpaMinReplicas: Rule = {
  id: 'pdb-hpa-min-replicas',
  category: 'reliability',
  severity: 'warning',
  kinds: ['PodDisruptionBudget'],
  description: "A PodDisruptionBudget that allows no eviction once an HorizontalPodAutoscaler of the file set has scaled the selected workload down to its `minReplicas` (default 1).",
  why: 'At the autoscaler\'s minimum the budget blocks every eviction: node drains hang exactly when load is low and maintenance is planned.',
  *checkObject(pdb, context) {
    const spec = mappingAt(pdb.value, 'spec');
    if (spec?.selector === undefined) return;
    for (const target of context.derived(hpaTargets)) {
      const workload = context.workloads.pods.find((pod) => pod.object.kind === target.kind && pod.object.name === target.name && pod.object.namespace === target.hpa.namespace);
      if (workload === undefined || workload.object.namespace !== pdb.namespace || !selectorMatches(spec.selector, templateLabels(workload))) continue;
      const minReplicas = valueAt(target.hpa.value, 'spec', 'minReplicas') ?? 1;
      if (typeof minReplicas !== 'number' || !blocksAt(spec.minAvailable, minReplicas)) continue;
      yield reportOn(pdb, rangeIn(pdb, spec, 'minAvailable'), `${describe(pdb)} allows no eviction when ${describe(target.hpa)} scales ${describe(workload.object)} down to ${minReplicas} replica${minReplicas === 1 ? '' : 's'}.`, {
        related: [relatedTo(target.hpa, target.hpa.range, 'the autoscaler')],
      });
    }
  },
};
