import { coreGroup, covers, entryRange, grantRule } from '../rbac.ts';

const subresources = ['pods/exec', 'pods/attach', 'pods/portforward'];

export const accessToPodExec = grantRule(
  {
    id: 'access-to-pod-exec',
    severity: 'warning',
    description: 'A Role or ClusterRole that grants `pods/exec`, `pods/attach` or `pods/portforward` (get or create, as kubectl uses them).',
    why: 'A shell in a running pod carries that pod\'s identity and mounted secrets; port forwarding bypasses network policies.',
  },
  (grant, role) => {
    const found = subresources.find((name) => covers(grant.resources, name));
    if (!coreGroup(grant) || found === undefined || !(covers(grant.verbs, 'create') || covers(grant.verbs, 'get'))) return undefined;
    return { range: entryRange(role, grant, 'resources', found), what: `access to ${found}` };
  },
);
