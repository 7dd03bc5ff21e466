import { isRestrictive, podsMatching } from '../network-policies.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { hasWorkloads } from '../selectors.ts';
import type { Rule } from '../types.ts';
import { asList, asMapping, valueAt } from '../values.ts';

export const danglingNetworkPolicyPeer: Rule = {
  id: 'dangling-network-policy-peer',
  category: 'consistency',
  severity: 'warning',
  kinds: ['NetworkPolicy'],
  description: "An ingress `from` or egress `to` peer of a NetworkPolicy whose `podSelector` (without a namespaceSelector, so in the policy's namespace) matches no pod template in the file set (checked only when the file set holds a workload).",
  why: 'The rule allows traffic from or to pods that do not exist, so the traffic it was meant to allow is dropped.',
  *checkObject(policy, context) {
    if (!hasWorkloads(context)) return;
    for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      for (const rule of asList(valueAt(policy.value, 'spec', direction))) {
        for (const item of asList(valueAt(rule, peers))) {
          const peer = asMapping(item);
          if (peer?.namespaceSelector !== undefined || !isRestrictive(peer?.podSelector) || podsMatching(context, policy.namespace, peer?.podSelector).length > 0) continue;
          yield reportOn(policy, rangeIn(policy, peer, 'podSelector', 'key'), `A ${direction} peer of ${describe(policy)} selects no pod template in the file set.`);
        }
      }
    }
  },
};
