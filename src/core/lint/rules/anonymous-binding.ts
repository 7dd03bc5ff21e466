import { subjectRule } from '../rbac.ts';

const anonymous = ['system:anonymous', 'system:unauthenticated'];

export const anonymousBinding = subjectRule(
  {
    id: 'anonymous-binding',
    severity: 'error',
    description: 'A RoleBinding or ClusterRoleBinding whose subject is the `system:anonymous` user or the `system:anonymous` / `system:unauthenticated` group.',
    why: 'Anyone who can reach the API server, without credentials, gets the role.',
  },
  (subject) => (subject.kind === 'Group' || subject.kind === 'User') && anonymous.includes(String(subject.name)),
  (binding, subject) => `${binding} grants its role to ${String(subject.name)}: every unauthenticated request.`,
);
