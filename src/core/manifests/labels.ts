/** Who made or changed an object through the commands: the managed-by label and the field manager say it. */
const MANAGER = 'kube-workbench';

/** Server-side apply's field manager of every write the commands make (Apply, Deploy, Run Task). */
export const FIELD_MANAGER = MANAGER;

/** Marks what the commands created, so `kubectl get -l app.kubernetes.io/managed-by=kube-workbench` finds it. */
export const managedByLabels: Readonly<Record<string, string>> = { 'app.kubernetes.io/managed-by': MANAGER };

/** The recommended labels (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels). */
export function appLabels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, ...managedByLabels };
}

/** What the selector matches: the name label alone, so the managed-by label can change freely. */
export function selectorLabels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name };
}
