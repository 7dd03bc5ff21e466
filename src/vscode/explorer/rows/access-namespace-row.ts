// A namespace under Access: its Roles and RoleBindings.
import * as vscode from 'vscode';
import { ACCESS_NAMESPACE_KINDS } from '../../../core/cluster/listed-kinds.ts';
import { listedGroupElement } from './listed-group-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    accessNamespace: { namespace: string };
  }
}

export const accessNamespaceElement = (context: string, namespace: string) => ({ type: 'accessNamespace', id: `access-ns:${context}:${namespace}`, context, namespace }) as const;

export const accessNamespaceRow: Row<'accessNamespace'> = {
  children(element, tree) {
    return ACCESS_NAMESPACE_KINDS.map((kind) => tree.element(listedGroupElement(element.context, element.namespace, kind)));
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const item = new vscode.TreeItem(element.namespace, vscode.TreeItemCollapsibleState.Collapsed);
    const [roles = 0, bindings = 0] = ACCESS_NAMESPACE_KINDS.map((kind) => connection.listed[kind].countByIndex('namespace', element.namespace));
    item.description = `${roles} ${roles === 1 ? 'role' : 'roles'} · ${bindings} ${bindings === 1 ? 'binding' : 'bindings'}`;
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    return item;
  },
  contextValue: () => 'kubeWorkbench.accessNamespace',
};
