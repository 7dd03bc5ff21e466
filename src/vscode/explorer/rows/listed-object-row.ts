// One object of a listed kind: its name, the row text its slim form carries (an Ingress's hosts →
// Services, a binding's subjects → role, a Secret's type and key count), the rest in the tooltip.
import * as vscode from 'vscode';
import { isListedKind, type ListedKind } from '../../../core/cluster/listed-kinds.ts';
import { objectUri } from '../event-decorations.ts';
import { subjectWarnings, warningNote } from '../object-warnings.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    listedObject: { kind: ListedKind; namespace: string; name: string };
  }
}

export const listedLooks: Readonly<Record<ListedKind, { readonly title: string; readonly icon: string }>> = {
  Ingress: { title: 'Ingresses', icon: 'globe' },
  NetworkPolicy: { title: 'NetworkPolicies', icon: 'shield' },
  HorizontalPodAutoscaler: { title: 'HorizontalPodAutoscalers', icon: 'arrow-both' },
  PodDisruptionBudget: { title: 'PodDisruptionBudgets', icon: 'debug-pause' },
  PersistentVolumeClaim: { title: 'PersistentVolumeClaims', icon: 'database' },
  Secret: { title: 'Secrets', icon: 'key' },
  ServiceAccount: { title: 'ServiceAccounts', icon: 'account' },
  Role: { title: 'Roles', icon: 'law' },
  RoleBinding: { title: 'RoleBindings', icon: 'link' },
  ClusterRole: { title: 'ClusterRoles', icon: 'law' },
  ClusterRoleBinding: { title: 'ClusterRoleBindings', icon: 'link' },
  StorageClass: { title: 'StorageClasses', icon: 'archive' },
  PersistentVolume: { title: 'PersistentVolumes', icon: 'database' },
  PriorityClass: { title: 'PriorityClasses', icon: 'list-ordered' },
  IngressClass: { title: 'IngressClasses', icon: 'globe' },
};

export const listedObjectId = (context: string, kind: ListedKind, namespace: string, name: string): string => `lo:${context}:${kind}:${namespace}/${name}`;

export const listedObjectElement = (context: string, kind: ListedKind, namespace: string, name: string) =>
  ({ type: 'listedObject', id: listedObjectId(context, kind, namespace, name), context, kind, namespace, name }) as const;

export const listedObjectRow: Row<'listedObject'> = {
  item(element, tree) {
    const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
    const object = tree.connection(element.context).listed[element.kind].get(element.namespace, element.name);
    if (object === undefined) {
      item.description = 'deleted';
      return item;
    }
    const warnings = warningNote(subjectWarnings(tree.connection(element.context), element));
    item.description = [object.detail, ...(warnings === undefined ? [] : [warnings.description])].filter((part) => part !== '').join(' · ');
    // The warning badge comes from EventDecorations, keyed by this URI.
    item.resourceUri = objectUri(element.context, element);
    item.iconPath = new vscode.ThemeIcon(listedLooks[element.kind].icon);
    // A plain string: object text never renders as Markdown.
    item.tooltip = [`${element.kind} ${element.namespace === '' ? '' : `${element.namespace}/`}${element.name}`, ...object.notes, ...(warnings === undefined ? [] : [warnings.tooltip])].join('\n');
    return item;
  },
  contextValue: (element) => `kubeWorkbench.object.${element.kind}`,
  refreshOn(change, context) {
    return change.type === 'modified' && isListedKind(change.resource) ? [listedObjectId(context, change.resource, change.item.meta.namespace, change.item.meta.name)] : [];
  },
};
