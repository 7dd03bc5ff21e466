import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { hasWorkloads, podIndex, podsSelectedBy } from '../selectors.ts';
import type { Rule } from '../types.ts';
import { mappingAt, stringMap } from '../values.ts';

export const danglingService: Rule = {
  id: 'dangling-service',
  category: 'consistency',
  severity: 'warning',
  kinds: ['Service'],
  description: 'A Service whose selector matches no pod template in the file set (checked only when the file set holds a workload).',
  why: 'A Service that selects nothing has no endpoints: connections to it are refused. Usually a label typo.',
  *checkObject(object, context) {
    if (!hasWorkloads(context)) return;
    const spec = mappingAt(object.value, 'spec');
    const selector = stringMap(spec?.selector);
    if (Object.keys(selector).length === 0 || podsSelectedBy(context.derived(podIndex), object, selector).length > 0) return;
    yield reportOn(object, rangeIn(object, spec, 'selector', 'key'), `The selector of ${describe(object)} matches no pod template in the file set.`);
  },
};
