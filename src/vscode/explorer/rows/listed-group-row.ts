// One listed kind in one place ("Ingresses 2" under a namespace, "ClusterRoles 64" under Access):
// nothing is asked of the cluster until it is first expanded, which starts watching the kind; then its
// objects by name, paged and filtered like workloads. A kind the user may not list shows its 403 as a
// row; a namespaced kind narrowed to the user's namespace says so in the others.
import * as vscode from 'vscode';
import { isClusterScoped, isListedKind, type ListedKind } from '../../../core/cluster/listed-kinds.ts';
import { matchesFilter } from '../filter.ts';
import { byName } from '../node-standings.ts';
import { listedLooks, listedObjectElement } from './listed-object-row.ts';
import type { Row } from './row.ts';
import { failureElement, stateText } from './status-row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    /** `namespace` is '' for cluster-scoped kinds. */
    listedGroup: { namespace: string; kind: ListedKind };
  }
}

export const listedGroupId = (context: string, namespace: string, kind: ListedKind): string => `listed:${context}:${namespace}:${kind}`;

export const listedGroupElement = (context: string, namespace: string, kind: ListedKind) => ({ type: 'listedGroup', id: listedGroupId(context, namespace, kind), context, namespace, kind }) as const;

export const listedGroupRow: Row<'listedGroup'> = {
  children(element, tree) {
    const connection = tree.connection(element.context);
    connection.demand(element.kind);
    const store = connection.listed[element.kind];
    const objects = (element.namespace === '' ? [...store.values()] : store.byIndex('namespace', element.namespace)).filter((object) => matchesFilter(tree.filter, object.meta));
    const failure = failureElement(connection, element.kind, element.id, objects.length === 0);
    if (failure !== undefined) return [tree.element(failure)];
    objects.sort((a, b) => byName(a.meta.namespace, b.meta.namespace) || byName(a.meta.name, b.meta.name));
    return tree.page(element, objects, (object) => tree.element(listedObjectElement(element.context, element.kind, object.meta.namespace, object.meta.name)));
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const item = new vscode.TreeItem(listedLooks[element.kind].title, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(listedLooks[element.kind].icon);
    // Not watched yet: no count to give, and none asked for.
    if (!connection.demanded(element.kind)) return item;
    const state = connection.state(element.kind);
    const narrowedTo = isClusterScoped(element.kind) ? undefined : connection.narrowedTo(element.kind);
    if (narrowedTo !== undefined && narrowedTo !== element.namespace) {
      item.description = `not listed: only namespace ${narrowedTo} is allowed`;
      return item;
    }
    const store = connection.listed[element.kind];
    const count = element.namespace === '' ? store.size : store.countByIndex('namespace', element.namespace);
    item.description = [state.phase === 'connecting' ? '' : String(count), stateText(state)].filter((part) => part !== '').join(' · ');
    if (state.error !== undefined) item.tooltip = state.error.message;
    return item;
  },
  contextValue: () => 'kubeWorkbench.group.listed',
  refreshOn(change, context) {
    // An object came or went; sync states and relists redraw the row holding the kind's groups (its own refreshOn).
    if ((change.type !== 'added' && change.type !== 'deleted') || !isListedKind(change.resource)) return [];
    return [listedGroupId(context, isClusterScoped(change.resource) ? '' : change.item.meta.namespace, change.resource)];
  },
};
