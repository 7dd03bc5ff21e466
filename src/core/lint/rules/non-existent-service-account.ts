import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule, RuleContext, SetObject } from '../types.ts';
import { asText } from '../values.ts';
import { podKinds } from '../workloads.ts';

const serviceAccounts = (context: RuleContext): SetObject[] => context.objects.filter((object) => object.kind === 'ServiceAccount');

export const nonExistentServiceAccount: Rule = {
  id: 'non-existent-service-account',
  category: 'consistency',
  severity: 'warning',
  kinds: podKinds,
  description: 'A pod spec names a ServiceAccount that no object in the file set defines (checked only when the file set defines a ServiceAccount).',
  why: 'The pods are not created ("serviceaccount not found") until the account exists; usually a typo or a missing manifest.',
  *checkObject(object, context) {
    const spec = context.workloads.pod(object)?.spec;
    if (spec === undefined) return;
    const field = spec.serviceAccountName !== undefined ? 'serviceAccountName' : 'serviceAccount';
    const name = asText(spec[field]);
    // Every namespace has a `default` account, created by the controller manager.
    if (name === undefined || name === '' || name === 'default') return;
    const accounts = context.derived(serviceAccounts);
    if (accounts.length === 0 || accounts.some((account) => account.name === name && account.namespace === object.namespace)) return;
    yield reportOn(object, rangeIn(object, spec, field), `The ServiceAccount ${name} is not defined in the file set.`);
  },
};
