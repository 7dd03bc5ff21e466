import { hpaTarget } from '../hpa.ts';
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
  *checkObject(hpa, context) {
    if (!hasWorkloads(context)) return;
    const { kind, name } = hpaTarget(hpa);
    if (context.objects.some((object) => object.namespace === hpa.namespace && object.kind === kind && object.name === name)) return;
    const ref = mappingAt(hpa.value, 'spec', 'scaleTargetRef');
    yield reportOn(hpa, rangeIn(hpa, ref, 'name'), `${describe(hpa)} targets ${kind ?? 'an object'} ${name ?? '(unnamed)'}, which is not in the file set.`);
  },
};
