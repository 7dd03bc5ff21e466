import { covers, entryRange, grantRule } from '../rbac.ts';

const rbacResources = ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'];
const writeVerbs = ['create', 'update', 'patch', 'delete', 'deletecollection'];

export const rbacWriteAccess = grantRule(
  {
    id: 'rbac-write-access',
    severity: 'warning',
    description: 'A Role or ClusterRole that can create, update, patch or delete Roles, ClusterRoles or their bindings (wildcards included).',
    why: 'Writing RBAC objects is a path to any permission: a binding to cluster-admin is one object away.',
  },
  (grant, role) => {
    // The first entry that covers an RBAC resource, in the author's order.
    const resource = grant.resources.find((name) => name === '*' || rbacResources.includes(name));
    const verb = writeVerbs.find((name) => covers(grant.verbs, name));
    if (!covers(grant.apiGroups, 'rbac.authorization.k8s.io') || resource === undefined || verb === undefined) return undefined;
    return { range: entryRange(role, grant, 'resources', resource), what: `${verb} on ${resource === '*' ? 'RBAC objects' : resource}` };
  },
);
