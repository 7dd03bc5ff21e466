// A kubeconfig context: the current one opens at once; under it Nodes, Workloads, Access, Cluster,
// Warnings, Custom resources, and Port Forwards while it has some.
import * as vscode from 'vscode';
import type { Element } from '../elements.ts';
import { accessElement } from './access-row.ts';
import { clusterScopedElement } from './cluster-scoped-row.ts';
import { isCurrentContext, type Row } from './row.ts';
import { customsElement } from './customs-row.ts';
import { nodesElement } from './nodes-row.ts';
import { forwardsOf, portForwardsElement } from './port-forwards-row.ts';
import { statusElement } from './status-row.ts';
import { warningsElement } from './warnings-row.ts';
import { workloadsElement } from './workloads-row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    context: object;
  }
}

export const contextId = (context: string): string => `ctx:${context}`;

export const contextElement = (context: string) => ({ type: 'context', id: contextId(context), context }) as const;

export const contextRow: Row<'context'> = {
  children(element, tree) {
    const { context } = element;
    const connection = tree.connection(context);
    const rows: Element[] = [nodesElement(context), workloadsElement(context), accessElement(context), clusterScopedElement(context), warningsElement(context)].map((row) => tree.element(row));
    // Shown once the cluster has CRDs: most clusters do, a fresh one may not.
    if (connection.customResources.size > 0) rows.push(tree.element(customsElement(context)));
    if (forwardsOf(tree, context).length > 0) rows.push(tree.element(portForwardsElement(context)));
    if (connection.skew !== undefined) rows.unshift(tree.element(statusElement(context, `skew:${context}`, 'info', connection.skew, 'skew')));
    return rows;
  },
  item(element, tree) {
    const config = tree.service().config;
    const summary = config.ok ? config.value.contexts.find((context) => context.name === element.context) : undefined;
    const current = isCurrentContext(tree, element.context);
    const item = new vscode.TreeItem(element.context, current ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.description = [current ? 'current' : '', summary?.namespace ? `namespace ${summary.namespace}` : '', tree.service().connection(element.context)?.serverVersion ?? '']
      .filter((part) => part !== '')
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(current ? 'cloud' : 'cloud-upload');
    item.tooltip = summary === undefined ? element.context : `${element.context}\n${summary.server}\nuser ${summary.user}`;
    return item;
  },
  contextValue: (element, tree) => (isCurrentContext(tree, element.context) ? 'kubeWorkbench.context.current' : 'kubeWorkbench.context'),
  refreshOn(change, context) {
    // CRDs came or went (Custom resources shows or hides), or the server's version is known.
    return change.resource === 'crds' || (change.type === 'state' && change.resource === 'version') ? [contextId(context)] : [];
  },
};
