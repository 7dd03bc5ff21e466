// Access: who may do what in the context. ClusterRoles and ClusterRoleBindings, then each namespace
// that holds Roles or RoleBindings (listed once Access is first expanded).
import * as vscode from 'vscode';
import { ACCESS_CLUSTER_KINDS, ACCESS_NAMESPACE_KINDS } from '../../../core/cluster/listed-kinds.ts';
import type { ClusterConnection } from '../../bundle-loader.ts';
import type { Element } from '../elements.ts';
import { byName } from '../node-standings.ts';
import { accessNamespaceElement } from './access-namespace-row.ts';
import { listedGroupElement } from './listed-group-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    access: object;
  }
}

const accessId = (context: string): string => `access:${context}`;

export const accessElement = (context: string) => ({ type: 'access', id: accessId(context), context }) as const;

const accessKinds: readonly string[] = [...ACCESS_NAMESPACE_KINDS, ...ACCESS_CLUSTER_KINDS];

/** The namespaces holding Roles or RoleBindings, by name. */
function accessNamespaces(connection: ClusterConnection): string[] {
  return [...new Set(ACCESS_NAMESPACE_KINDS.flatMap((kind) => connection.listed[kind].indexValues('namespace')))].sort(byName);
}

export const accessRow: Row<'access'> = {
  children(element, tree) {
    const connection = tree.connection(element.context);
    for (const kind of ACCESS_NAMESPACE_KINDS) connection.demand(kind);
    const rows: Element[] = ACCESS_CLUSTER_KINDS.map((kind) => tree.element(listedGroupElement(element.context, '', kind)));
    return [...rows, ...tree.page(element, accessNamespaces(connection), (namespace) => tree.element(accessNamespaceElement(element.context, namespace)))];
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const item = new vscode.TreeItem('Access', vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('shield');
    item.tooltip = 'Roles, ClusterRoles and their bindings: who may do what';
    if (connection.demanded('Role')) item.description = `${accessNamespaces(connection).length} namespaces with roles`;
    return item;
  },
  contextValue: () => 'kubeWorkbench.group.access',
  refreshOn(change, context) {
    // Namespaces come and go with their Roles; sync states and relists redraw every group under Access.
    const membership = change.type === 'state' || change.type === 'relisted' || ((change.type === 'added' || change.type === 'deleted') && (ACCESS_NAMESPACE_KINDS as readonly string[]).includes(change.resource));
    return membership && accessKinds.includes(change.resource) ? [accessId(context)] : [];
  },
};
