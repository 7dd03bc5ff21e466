// One custom resource object.
import * as vscode from 'vscode';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    custom: { key: string; namespace: string; name: string };
  }
}

export const customElement = (context: string, key: string, namespace: string, name: string) =>
  ({ type: 'custom', id: `cr:${context}:${key}:${namespace}/${name}`, context, key, namespace, name }) as const;

export const customRow: Row<'custom'> = {
  item(element) {
    const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
    item.description = element.namespace;
    item.iconPath = new vscode.ThemeIcon('symbol-object');
    return item;
  },
  contextValue: () => 'kubeWorkbench.customResource',
};
