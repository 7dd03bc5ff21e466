import { entryRange, grantRule } from '../rbac.ts';

const verbs = ['escalate', 'bind', 'impersonate'];

export const rbacEscalationVerbs = grantRule(
  {
    id: 'rbac-escalation-verbs',
    severity: 'error',
    description: 'A Role or ClusterRole that grants the `escalate`, `bind` or `impersonate` verb by name.',
    why: 'escalate and bind let a subject grant itself permissions it does not hold; impersonate lets it act as any user, group or account.',
  },
  (grant, role) => {
    const verb = verbs.find((name) => grant.verbs.includes(name));
    return verb === undefined ? undefined : { range: entryRange(role, grant, 'verbs', verb), what: `the ${verb} verb` };
  },
);
