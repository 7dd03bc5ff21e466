/** The kubeconfig the sim writes for itself: its CA, an admin token, a read-only token and a token confined to one namespace. */
import { dump } from 'js-yaml';

export const contextName = 'kube-workbench-sim';
export const readOnlyContextName = 'kube-workbench-sim-readonly';
export const namespacedContextName = 'kube-workbench-sim-team-a';

export interface KubeconfigInput {
  readonly url: string;
  readonly caPem: string;
  readonly adminToken: string;
  readonly readOnlyToken: string;
  readonly namespacedToken: string;
  readonly namespace?: string;
}

export function kubeconfigYaml(input: KubeconfigInput): string {
  const cluster = contextName;
  const context = (name: string, user: string, namespace = input.namespace ?? 'default'): Record<string, unknown> => ({
    name,
    context: { cluster, user, namespace },
  });
  return dump({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: cluster, cluster: { server: input.url, 'certificate-authority-data': Buffer.from(input.caPem).toString('base64') } }],
    users: [
      { name: 'kube-workbench-sim-admin', user: { token: input.adminToken } },
      { name: 'kube-workbench-sim-readonly', user: { token: input.readOnlyToken } },
      { name: namespacedContextName, user: { token: input.namespacedToken } },
    ],
    contexts: [
      context(contextName, 'kube-workbench-sim-admin'),
      context(readOnlyContextName, 'kube-workbench-sim-readonly'),
      context(namespacedContextName, namespacedContextName, 'team-a'),
    ],
    'current-context': contextName,
  });
}
