// A namespace under Workloads: its workload kinds that have objects, then a group per listed kind
// (Ingresses, NetworkPolicies, ..., listed when first expanded). The context's current namespace is
// marked and open; the others of the current context offer Switch Namespace.
import * as vscode from 'vscode';
import { NAMESPACE_KINDS } from '../../../core/cluster/listed-kinds.ts';
import type { Element } from '../elements.ts';
import { isWorkloadKind, kindElement, WORKLOAD_KINDS } from './kind-row.ts';
import { listedGroupElement } from './listed-group-row.ts';
import { currentNamespace, isCurrentContext, type Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    namespace: { namespace: string };
  }
}

export const namespaceId = (context: string, namespace: string): string => `ns:${context}:${namespace}`;

export const namespaceElement = (context: string, namespace: string) => ({ type: 'namespace', id: namespaceId(context, namespace), context, namespace }) as const;

export const namespaceRow: Row<'namespace'> = {
  children(element, tree) {
    const connection = tree.connection(element.context);
    const workloads: Element[] = WORKLOAD_KINDS.filter((kind) => connection.workloads[kind].countByIndex('namespace', element.namespace) > 0).map((kind) =>
      tree.element(kindElement(element.context, element.namespace, kind)),
    );
    return [...workloads, ...NAMESPACE_KINDS.map((kind) => tree.element(listedGroupElement(element.context, element.namespace, kind)))];
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const objects = WORKLOAD_KINDS.reduce((sum, kind) => sum + connection.workloads[kind].countByIndex('namespace', element.namespace), 0);
    const current = currentNamespace(tree, element.context) === element.namespace;
    const item = new vscode.TreeItem(element.namespace, current ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.description = current ? `current · ${objects} objects` : `${objects} objects`;
    item.iconPath = current ? new vscode.ThemeIcon('symbol-namespace', new vscode.ThemeColor('charts.blue')) : new vscode.ThemeIcon('symbol-namespace');
    item.tooltip = current ? `${element.namespace}: the namespace of context ${element.context} (kubectl's default there)` : element.namespace;
    return item;
  },
  contextValue(element, tree) {
    if (currentNamespace(tree, element.context) === element.namespace) return 'kubeWorkbench.namespace.current';
    return isCurrentContext(tree, element.context) ? 'kubeWorkbench.namespace.switchable' : 'kubeWorkbench.namespace';
  },
  refreshOn(change, context) {
    // A workload added or deleted changes the count.
    return (change.type === 'added' || change.type === 'deleted') && isWorkloadKind(change.resource) ? [namespaceId(context, change.item.meta.namespace)] : [];
  },
};
