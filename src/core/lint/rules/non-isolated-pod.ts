import { networkPolicies } from '../network-policies.ts';
import { mayShareNamespace } from '../references.ts';
import { describe, reportOn } from '../report.ts';
import { selectorMatches, templateLabels } from '../selectors.ts';
import type { Rule } from '../types.ts';
import { valueAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const nonIsolatedPod: Rule = {
  id: 'non-isolated-pod',
  category: 'security',
  severity: 'info',
  kinds: podKinds,
  description: 'A workload whose pods no NetworkPolicy of their namespace selects (checked only when the file set defines a NetworkPolicy).',
  why: 'Pods that no policy selects accept traffic from every pod of the cluster, whatever the other policies say.',
  *checkObject(object, context) {
    const pod = context.workloads.pod(object);
    const policies = context.derived(networkPolicies);
    if (pod === undefined || policies.length === 0) return;
    const labels = templateLabels(pod);
    if (policies.some((policy) => mayShareNamespace(policy.namespace, object.namespace) && selectorMatches(valueAt(policy.value, 'spec', 'podSelector'), labels))) return;
    yield reportOn(object, object.range, `No NetworkPolicy of the file set selects the pods of ${describe(object)}.`);
  },
};
