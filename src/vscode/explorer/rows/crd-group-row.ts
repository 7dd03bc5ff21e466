// One API group of custom resources: its kinds.
import * as vscode from 'vscode';
import type { ClusterConnection } from '../../bundle-loader.ts';
import { byName } from '../node-standings.ts';
import { crdKindElement } from './crd-kind-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    crdGroup: { group: string };
  }
}

export const crdGroupElement = (context: string, group: string) => ({ type: 'crdGroup', id: `crdgroup:${context}:${group}`, context, group }) as const;

/** The group's kinds by name, with the connection's customKey of each. */
function groupKinds(connection: ClusterConnection, group: string): { key: string; kind: string }[] {
  return [...connection.customResources]
    .filter(([, resources]) => resources.crd.group === group)
    .map(([key, resources]) => ({ key, kind: resources.crd.kind }))
    .sort((a, b) => byName(a.kind, b.kind));
}

export const crdGroupRow: Row<'crdGroup'> = {
  children(element, tree) {
    return groupKinds(tree.connection(element.context), element.group).map(({ key, kind }) => tree.element(crdKindElement(element.context, key, kind)));
  },
  item(element, tree) {
    const item = new vscode.TreeItem(element.group, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${groupKinds(tree.connection(element.context), element.group).length} kinds`;
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    return item;
  },
  contextValue: () => 'kubeWorkbench.crdGroup',
};
