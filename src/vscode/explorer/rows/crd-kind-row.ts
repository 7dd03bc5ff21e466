// One custom resource kind ("Certificate 3 · v1"): its objects by namespace and name.
import * as vscode from 'vscode';
import { matchesFilter } from '../filter.ts';
import { byName } from '../node-standings.ts';
import { customElement } from './custom-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    /** `key` is the connection's customKey(group, plural). */
    crdKind: { key: string; kind: string };
  }
}

const crdKindId = (context: string, key: string): string => `crdkind:${context}:${key}`;

export const crdKindElement = (context: string, key: string, kind: string) => ({ type: 'crdKind', id: crdKindId(context, key), context, key, kind }) as const;

export const crdKindRow: Row<'crdKind'> = {
  children(element, tree) {
    const store = tree.connection(element.context).customResources.get(element.key)?.store;
    const objects = [...(store?.values() ?? [])]
      .filter((object) => matchesFilter(tree.filter, object.meta))
      .sort((a, b) => byName(a.meta.namespace, b.meta.namespace) || byName(a.meta.name, b.meta.name));
    return tree.page(element, objects, (object) => tree.element(customElement(element.context, element.key, object.meta.namespace, object.meta.name)));
  },
  item(element, tree) {
    const resources = tree.connection(element.context).customResources.get(element.key);
    const item = new vscode.TreeItem(element.kind, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${resources?.store.size ?? 0} · ${resources?.crd.version ?? ''}`;
    item.iconPath = new vscode.ThemeIcon('symbol-class');
    return item;
  },
  contextValue: () => 'kubeWorkbench.crdKind',
  refreshOn: (change, context) => (change.resource.startsWith('custom:') ? [crdKindId(context, change.resource)] : []),
};
