import { coreGroup, covers, entryRange, grantRule } from '../rbac.ts';

export const accessToCreatePods = grantRule(
  {
    id: 'access-to-create-pods',
    severity: 'warning',
    description: 'A Role or ClusterRole that lets its subjects create Pods (wildcards included).',
    why: 'Whoever creates a pod chooses its service account, volumes and securityContext: every Secret and account of the namespace is within reach.',
  },
  (grant, role) => (coreGroup(grant) && covers(grant.resources, 'pods') && covers(grant.verbs, 'create') ? { range: entryRange(role, grant, 'resources', 'pods'), what: 'create on Pods' } : undefined),
);
