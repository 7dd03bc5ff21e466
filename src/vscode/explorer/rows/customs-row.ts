// Custom resources: the API groups of the cluster's CRDs.
import * as vscode from 'vscode';
import { crdGroupElement } from './crd-group-row.ts';
import type { Row } from './row.ts';
import { byName } from '../node-standings.ts';

declare module '../elements.ts' {
  interface ElementFields {
    customs: object;
  }
}

export const customsElement = (context: string) => ({ type: 'customs', id: `customs:${context}`, context }) as const;

export const customsRow: Row<'customs'> = {
  children(element, tree) {
    const groups = new Set([...tree.connection(element.context).customResources.values()].map((resources) => resources.crd.group));
    return [...groups].sort(byName).map((group) => tree.element(crdGroupElement(element.context, group)));
  },
  item(element, tree) {
    const item = new vscode.TreeItem('Custom resources', vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${tree.connection(element.context).customResources.size} kinds`;
    item.iconPath = new vscode.ThemeIcon('extensions');
    return item;
  },
  contextValue: () => 'kubeWorkbench.group.customs',
};
