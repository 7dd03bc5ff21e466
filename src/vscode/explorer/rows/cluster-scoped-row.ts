// Cluster: the cluster-scoped kinds a user looks up now and then (StorageClasses, PersistentVolumes,
// PriorityClasses, IngressClasses), each listed when its group is first expanded.
import * as vscode from 'vscode';
import { CLUSTER_KINDS } from '../../../core/cluster/listed-kinds.ts';
import { listedGroupElement } from './listed-group-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    clusterScoped: object;
  }
}

const clusterScopedId = (context: string): string => `cluster:${context}`;

export const clusterScopedElement = (context: string) => ({ type: 'clusterScoped', id: clusterScopedId(context), context }) as const;

const clusterKinds: readonly string[] = CLUSTER_KINDS;

export const clusterScopedRow: Row<'clusterScoped'> = {
  children(element, tree) {
    return CLUSTER_KINDS.map((kind) => tree.element(listedGroupElement(element.context, '', kind)));
  },
  item() {
    const item = new vscode.TreeItem('Cluster', vscode.TreeItemCollapsibleState.Collapsed);
    item.description = 'storage, priorities, ingress classes';
    item.iconPath = new vscode.ThemeIcon('globe');
    return item;
  },
  contextValue: () => 'kubeWorkbench.group.cluster',
  refreshOn(change, context) {
    // Sync states and relists redraw the groups under it.
    return (change.type === 'state' || change.type === 'relisted') && clusterKinds.includes(change.resource) ? [clusterScopedId(context)] : [];
  },
};
