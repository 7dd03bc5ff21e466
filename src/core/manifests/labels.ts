/** Marks what the commands created, so `kubectl get -l app.kubernetes.io/managed-by=kube-workbench` finds it. */
export const managedByLabels: Readonly<Record<string, string>> = { 'app.kubernetes.io/managed-by': 'kube-workbench' };

/** The recommended labels (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels). */
export function appLabels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, ...managedByLabels };
}

/** What the selector matches: the name label alone, so the managed-by label can change freely. */
export function selectorLabels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name };
}
