// Port Forwards: a context's running forwards (the cluster service's manager holds them), shown
// under the context once it has one. The manager's changes redraw it (pod-access/forward-rows.ts).
import * as vscode from 'vscode';
import { portForwardElement } from './port-forward-row.ts';
import type { Row, Tree } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    portForwards: object;
  }
}

export const portForwardsId = (context: string): string => `forwards:${context}`;

export const portForwardsElement = (context: string) => ({ type: 'portForwards', id: portForwardsId(context), context }) as const;

/** The context's forwards, by local port. */
export function forwardsOf(tree: Tree, context: string) {
  return tree
    .service()
    .portForwards.list()
    .filter((state) => state.spec.context === context)
    .sort((left, right) => left.localPort - right.localPort);
}

export const portForwardsRow: Row<'portForwards'> = {
  children: (element, tree) => forwardsOf(tree, element.context).map((state) => tree.element(portForwardElement(element.context, state.id))),
  item(element, tree) {
    const forwards = forwardsOf(tree, element.context);
    const item = new vscode.TreeItem('Port Forwards', vscode.TreeItemCollapsibleState.Expanded);
    const reconnecting = forwards.filter((state) => state.phase === 'reconnecting').length;
    item.description = `${forwards.length} active${reconnecting > 0 ? ` · ${reconnecting} reconnecting` : ''}`;
    item.iconPath = new vscode.ThemeIcon('plug');
    item.tooltip = 'Forwards from 127.0.0.1 to pods of this context; they stop when the window closes (Restart Saved Port Forwards starts them again)';
    return item;
  },
  contextValue: () => 'kubeWorkbench.group.portForwards',
};
