import { coreGroup, covers, entryRange, grantRule } from '../rbac.ts';

export const accessToNodeProxy = grantRule(
  {
    id: 'access-to-node-proxy',
    severity: 'error',
    description: 'A Role or ClusterRole that grants `nodes/proxy` (wildcards included).',
    why: 'nodes/proxy reaches the kubelet API of every node: exec into any pod there, bypassing audit and admission.',
  },
  (grant, role) => (coreGroup(grant) && covers(grant.resources, 'nodes/proxy') && grant.verbs.length > 0 ? { range: entryRange(role, grant, 'resources', 'nodes/proxy'), what: 'access to nodes/proxy' } : undefined),
);
