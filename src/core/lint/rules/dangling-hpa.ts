import { hpaTargets } from '../hpa.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { hasWorkloads } from '../selectors.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';

export const danglingHpa: Rule = {
  id: 'dangling-hpa',
  category: 'consistency',
  severity: 'warning',
  kinds: ['HorizontalPodAutoscaler'],
  description: 'A HorizontalPodAutoscaler whose `scaleTargetRef` names no object in the file set (checked only when the file set holds a workload).',
  why: 'The autoscaler reports "FailedGetScale" and scales nothing; usually a renamed Deployment.',
  *check(context) {
    if (!hasWorkloads(context)) return;
    for (const { hpa, kind, name } of hpaTargets(context)) {
      const found = context.objects.some((object) => object.namespace === hpa.namespace && object.kind === kind && object.name === name);
      if (found) continue;
      const ref = mappingAt(hpa.value, 'spec', 'scaleTargetRef');
      yield reportOn(hpa, rangeIn(hpa, ref, 'name'), `${describe(hpa)} targets ${kind ?? 'an object'} ${name ?? '(unnamed)'}, which is not in the file set.`);
    }
  },
};
