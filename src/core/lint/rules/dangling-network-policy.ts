import { isRestrictive, podsMatching } from '../network-policies.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { hasWorkloads } from '../selectors.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';

export const danglingNetworkPolicy: Rule = {
  id: 'dangling-network-policy',
  category: 'consistency',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  description: "A NetworkPolicy whose `podSelector` matches no pod template of its namespace in the file set (checked only when the file set holds a workload).",
  why: 'The policy isolates nothing: the pods it was written for take traffic from everywhere. Usually a label typo.',
  *checkObject(policy, context) {
    const spec = mappingAt(policy.value, 'spec');
    if (!hasWorkloads(context) || !isRestrictive(spec?.podSelector) || podsMatching(context, policy.namespace, spec?.podSelector).length > 0) return;
    yield reportOn(policy, rangeIn(policy, spec, 'podSelector', 'key'), `The podSelector of ${describe(policy)} matches no pod template in the file set.`);
  },
};
