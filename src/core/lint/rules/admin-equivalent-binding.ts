import { grants } from '../rbac.ts';
import { rangeIn } from '../ranges.ts';
import { describe, relatedTo, reportOn } from '../report.ts';
import type { Rule, RuleContext, SetObject } from '../types.ts';
import { asText, mappingAt } from '../values.ts';

/** Roles of the file set that grant every verb on every resource of every group, keyed `kind namespace/name`. */
function adminRoles(context: RuleContext): Map<string, SetObject> {
  const roles = new Map<string, SetObject>();
  for (const role of context.objects) {
    if (role.kind !== 'Role' && role.kind !== 'ClusterRole') continue;
    if (!grants(role).some((grant) => grant.apiGroups.includes('*') && grant.resources.includes('*') && grant.verbs.includes('*'))) continue;
    roles.set(`${role.kind} ${role.kind === 'Role' ? (role.namespace ?? '') : ''}/${role.name ?? ''}`, role);
  }
  return roles;
}

export const adminEquivalentBinding: Rule = {
  id: 'admin-equivalent-binding',
  category: 'security',
  severity: 'error',
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  description: 'A RoleBinding or ClusterRoleBinding to a Role or ClusterRole of the file set that grants every verb on every resource of every API group (cluster-admin under another name).',
  why: 'Such a role can do anything cluster-admin can within its scope, but escapes reviews that look for cluster-admin by name.',
  *checkObject(binding, context) {
    const roleRef = mappingAt(binding.value, 'roleRef');
    const kind = asText(roleRef?.kind);
    const namespace = kind === 'Role' ? (binding.namespace ?? '') : '';
    const role = context.derived(adminRoles).get(`${kind ?? ''} ${namespace}/${asText(roleRef?.name) ?? ''}`);
    if (role === undefined || role.name === 'cluster-admin') return;
    yield reportOn(binding, rangeIn(binding, roleRef, 'name'), `${describe(binding)} grants ${describe(role)}, which allows every verb on every resource.`, {
      related: [relatedTo(role, role.range, 'the admin-equivalent role')],
    });
  },
};
