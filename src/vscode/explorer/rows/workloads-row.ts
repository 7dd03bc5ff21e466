// The Workloads group: its namespaces, the context's current one first, marked and open (what
// Switch Namespace changes), then the others by name.
import * as vscode from 'vscode';
import { NAMESPACE_KINDS } from '../../../core/cluster/listed-kinds.ts';
import type { ClusterConnection } from '../../bundle-loader.ts';
import { byName } from '../node-standings.ts';
import { isWorkloadKind, WORKLOAD_KINDS } from './kind-row.ts';
import { namespaceElement } from './namespace-row.ts';
import { currentNamespace, type Row } from './row.ts';
import { failureElement, stateText } from './status-row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    workloads: object;
  }
}

export const workloadsId = (context: string): string => `workloads:${context}`;

export const workloadsElement = (context: string) => ({ type: 'workloads', id: workloadsId(context), context }) as const;

/** The namespaces that hold workloads, sorted. */
function namespaces(connection: ClusterConnection): string[] {
  const names = new Set<string>();
  for (const kind of WORKLOAD_KINDS) for (const namespace of connection.workloads[kind].indexValues('namespace')) names.add(namespace);
  return [...names].sort(byName);
}

export const workloadsRow: Row<'workloads'> = {
  children(element, tree) {
    const connection = tree.connection(element.context);
    const others = namespaces(connection);
    const failure = failureElement(connection, 'Deployment', element.id, others.length === 0);
    if (failure !== undefined) return [tree.element(failure)];
    // Listed even while it holds nothing, so a switch always shows where it went.
    const current = currentNamespace(tree, element.context);
    const ordered = [current, ...others.filter((namespace) => namespace !== current)];
    return tree.page(element, ordered, (namespace) => tree.element(namespaceElement(element.context, namespace)));
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const state = connection.state('Deployment');
    const narrowedTo = connection.narrowedTo('Deployment');
    const item = new vscode.TreeItem('Workloads', vscode.TreeItemCollapsibleState.Collapsed);
    item.description = [`${namespaces(connection).length} namespaces`, narrowedTo ? `namespace ${narrowedTo} only` : '', stateText(state)].filter((part) => part !== '').join(' · ');
    item.iconPath = new vscode.ThemeIcon('layers');
    if (state.error !== undefined) item.tooltip = state.error.message;
    return item;
  },
  contextValue: () => 'kubeWorkbench.group.workloads',
  refreshOn(change, context) {
    const workloads = isWorkloadKind(change.resource);
    // A namespace may come or go with a workload; a pod relist redraws the workloads' pods; a listed
    // kind's sync state or relist redraws its groups in every namespace (and an HPA's, the workloads it scales).
    const listed = (NAMESPACE_KINDS as readonly string[]).includes(change.resource) && (change.type === 'state' || change.type === 'relisted');
    const redraw = listed || (change.type === 'state' ? workloads : change.type === 'relisted' ? workloads || change.resource === 'pods' : workloads && change.type !== 'modified');
    return redraw ? [workloadsId(context)] : [];
  },
};
