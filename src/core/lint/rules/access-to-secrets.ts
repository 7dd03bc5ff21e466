import { coreGroup, covers, entryRange, grantRule } from '../rbac.ts';

const readVerbs = ['get', 'list', 'watch'];

export const accessToSecrets = grantRule(
  {
    id: 'access-to-secrets',
    severity: 'warning',
    description: 'A Role or ClusterRole that lets its subjects read Secrets (get, list or watch on `secrets`, wildcards included).',
    why: 'Secrets hold service account tokens and credentials: reading them is usually enough to act as someone with more rights.',
  },
  (grant, role) => {
    const verbs = readVerbs.filter((verb) => covers(grant.verbs, verb));
    if (!coreGroup(grant) || !covers(grant.resources, 'secrets') || verbs.length === 0) return undefined;
    return { range: entryRange(role, grant, 'resources', 'secrets'), what: `${verbs.join(', ')} on Secrets` };
  },
);
