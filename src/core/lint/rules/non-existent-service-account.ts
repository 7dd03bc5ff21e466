import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { asText } from '../values.ts';
import { podKinds, pods } from '../workloads.ts';

export const nonExistentServiceAccount: Rule = {
  id: 'non-existent-service-account',
  category: 'consistency',
  severity: 'warning',
  kinds: podKinds,
  description: 'A pod spec names a ServiceAccount that no object in the file set defines (checked only when the file set defines a ServiceAccount).',
  why: 'The pods are not created ("serviceaccount not found") until the account exists; usually a typo or a missing manifest.',
  *check(context) {
    const accounts = context.objects.filter((object) => object.kind === 'ServiceAccount');
    if (accounts.length === 0) return;
    for (const { object, spec } of pods(context)) {
      const field = spec.serviceAccountName !== undefined ? 'serviceAccountName' : 'serviceAccount';
      const name = asText(spec[field]);
      // Every namespace has a `default` account, created by the controller manager.
      if (name === undefined || name === '' || name === 'default') continue;
      if (accounts.some((account) => account.name === name && account.namespace === object.namespace)) continue;
      yield reportOn(object, rangeIn(object, spec, field), `The ServiceAccount ${name} is not defined in the file set.`);
    }
  },
};
