import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { asList, asMapping, valueAt } from '../values.ts';

const anonymous = ['system:anonymous', 'system:unauthenticated'];

export const anonymousBinding: Rule = {
  id: 'anonymous-binding',
  category: 'security',
  severity: 'error',
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  description: 'A RoleBinding or ClusterRoleBinding whose subject is the `system:anonymous` user or the `system:anonymous` / `system:unauthenticated` group.',
  why: 'Anyone who can reach the API server, without credentials, gets the role.',
  *checkObject(binding) {
    for (const item of asList(valueAt(binding.value, 'subjects'))) {
      const subject = asMapping(item);
      if ((subject?.kind !== 'Group' && subject?.kind !== 'User') || !anonymous.includes(String(subject.name))) continue;
      yield reportOn(binding, rangeIn(binding, subject, 'name'), `${describe(binding)} grants its role to ${String(subject.name)}: every unauthenticated request.`);
    }
  },
};
