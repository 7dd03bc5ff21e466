import { subjectRule } from '../rbac.ts';

export const defaultServiceAccountBinding = subjectRule(
  {
    id: 'default-service-account-binding',
    severity: 'warning',
    description: 'A RoleBinding or ClusterRoleBinding whose subject is a namespace\'s `default` ServiceAccount.',
    why: 'Every pod that names no service account runs as `default`: the binding hands its rights to all of them. Bind a dedicated account.',
  },
  (subject) => subject.kind === 'ServiceAccount' && subject.name === 'default',
  (binding, subject) => `${binding} grants its role to the default ServiceAccount${typeof subject.namespace === 'string' ? ` of namespace ${subject.namespace}` : ''}.`,
);
