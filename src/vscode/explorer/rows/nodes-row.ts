// The Nodes group: "50 · 1 Unknown", its nodes worst first (Unknown, NotReady, pressure or cordoned,
// Ready; by name within), so a lost node is the first row, not one olive icon among fifty.
import * as vscode from 'vscode';
import { nodesDescription } from '../../../core/cluster/node-summary.ts';
import { matchesFilter } from '../filter.ts';
import { nodeElement } from './node-row.ts';
import type { Row } from './row.ts';
import { failureElement, stateText } from './status-row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    nodes: object;
  }
}

export const nodesId = (context: string): string => `nodes:${context}`;

export const nodesElement = (context: string) => ({ type: 'nodes', id: nodesId(context), context }) as const;

export const nodesRow: Row<'nodes'> = {
  children(element, tree) {
    const connection = tree.connection(element.context);
    const failure = failureElement(connection, 'nodes', element.id, connection.nodes.size === 0);
    if (failure !== undefined) return [tree.element(failure)];
    const order = tree.standings(element.context).order();
    const names =
      tree.filter === ''
        ? order
        : order.filter((name) => {
            const node = connection.nodes.get('', name);
            return node !== undefined && matchesFilter(tree.filter, node.meta);
          });
    return tree.page(element, names, (name) => tree.element(nodeElement(element.context, name)));
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const state = connection.state('nodes');
    const item = new vscode.TreeItem('Nodes', vscode.TreeItemCollapsibleState.Collapsed);
    item.description = [nodesDescription(connection.nodes.size, tree.standings(element.context).counts()), stateText(state)].filter((part) => part !== '').join(' · ');
    item.iconPath = new vscode.ThemeIcon('server-environment');
    if (state.error !== undefined) item.tooltip = state.error.message;
    return item;
  },
  contextValue: () => 'kubeWorkbench.group.nodes',
  refreshOn(change, context) {
    // Nodes came or went, a relist replaced them, or the sync state changed; standings redraw it themselves.
    const membership = change.type === 'added' || change.type === 'deleted' ? change.resource === 'nodes' : change.type === 'relisted' || change.type === 'state';
    return membership && (change.resource === 'nodes' || change.resource === 'leases' || change.resource === 'pods') ? [nodesId(context)] : [];
  },
};
