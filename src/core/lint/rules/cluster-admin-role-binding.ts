import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';

export const clusterAdminRoleBinding: Rule = {
  id: 'cluster-admin-role-binding',
  category: 'security',
  severity: 'error',
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  description: 'A RoleBinding or ClusterRoleBinding to the `cluster-admin` ClusterRole.',
  why: 'cluster-admin can do anything to every object; a workload or user rarely needs more than a narrow role.',
  *checkObject(object) {
    const roleRef = mappingAt(object.value, 'roleRef');
    if (roleRef?.kind !== 'ClusterRole' || roleRef.name !== 'cluster-admin') return;
    yield reportOn(object, rangeIn(object, roleRef, 'name'), `${describe(object)} grants cluster-admin.`);
  },
};
