import { rangeIn } from '../ranges.ts';
import { describe, relatedTo, reportOn } from '../report.ts';
import { selectorMatches, templateLabels } from '../selectors.ts';
import type { Rule, RuleContext, SetObject } from '../types.ts';
import { mappingAt } from '../values.ts';
import type { PodRef } from '../workloads.ts';

// Workloads with a replica count (a DaemonSet's pod count depends on the nodes).
const replicatedKinds = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];
const replicated = (context: RuleContext): PodRef<SetObject>[] => context.workloads.pods.filter((pod) => replicatedKinds.includes(pod.object.kind ?? ''));

export const pdbMinAvailable: Rule = {
  id: 'pdb-min-available',
  category: 'reliability',
  severity: 'warning',
  kinds: ['PodDisruptionBudget'],
  description: 'A PodDisruptionBudget whose `minAvailable` is at least the replicas of the workload it selects in the file set.',
  why: 'With every replica required, no pod may be evicted: drains and node upgrades hang.',
  *checkObject(object, context) {
    const spec = mappingAt(object.value, 'spec');
    const min = spec?.minAvailable;
    if (min === undefined || spec?.selector === undefined) return;
    for (const pod of context.derived(replicated)) {
      if (pod.object.namespace !== object.namespace || !selectorMatches(spec.selector, templateLabels(pod))) continue;
      const replicas = mappingAt(pod.object.value, 'spec')?.replicas ?? 1;
      if (typeof replicas !== 'number') continue;
      const blocks = typeof min === 'number' ? min >= replicas : typeof min === 'string' && /^\d+%$/.test(min) && Number.parseInt(min, 10) >= 100;
      if (!blocks) continue;
      yield reportOn(object, rangeIn(object, spec, 'minAvailable'), `${describe(object)} requires ${String(min)} available pods but ${describe(pod.object)} has ${replicas} replicas.`, {
        related: [relatedTo(pod.object, pod.object.range, 'the selected workload')],
      });
    }
  },
};
