import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { asList, asMapping, valueAt } from '../values.ts';

export const defaultServiceAccountBinding: Rule = {
  id: 'default-service-account-binding',
  category: 'security',
  severity: 'warning',
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  description: 'A RoleBinding or ClusterRoleBinding whose subject is a namespace\'s `default` ServiceAccount.',
  why: 'Every pod that names no service account runs as `default`: the binding hands its rights to all of them. Bind a dedicated account.',
  *checkObject(binding) {
    for (const item of asList(valueAt(binding.value, 'subjects'))) {
      const subject = asMapping(item);
      if (subject?.kind !== 'ServiceAccount' || subject.name !== 'default') continue;
      yield reportOn(binding, rangeIn(binding, subject, 'name'), `${describe(binding)} grants its role to the default ServiceAccount${typeof subject.namespace === 'string' ? ` of namespace ${subject.namespace}` : ''}.`);
    }
  },
};
