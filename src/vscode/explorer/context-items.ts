// Rows for contexts, the Nodes and Workloads groups, status messages and "Show more".
import * as vscode from 'vscode';
import type { ContextSummary, ResourceState } from '../bundle-loader.ts';
import { Commands } from '../ids.ts';
import type { ElementOf } from './elements.ts';

export function contextItem(
  element: ElementOf<'context'>,
  summary: ContextSummary | undefined,
  current: boolean,
  expanded: boolean,
  serverVersion: string | undefined,
): vscode.TreeItem {
  const item = new vscode.TreeItem(
    element.context,
    expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = element.id;
  item.description = [current ? 'current' : '', summary?.namespace ? `namespace ${summary.namespace}` : '', serverVersion ?? '']
    .filter((part) => part !== '')
    .join(' · ');
  item.iconPath = new vscode.ThemeIcon(current ? 'cloud' : 'cloud-upload');
  item.tooltip = summary === undefined ? element.context : `${element.context}\n${summary.server}\nuser ${summary.user}`;
  item.contextValue = current ? 'kubeWorkbench.context.current' : 'kubeWorkbench.context';
  return item;
}

function stateText(state: ResourceState): string {
  switch (state.phase) {
    case 'connecting':
      return 'connecting…';
    case 'synced':
      return '';
    case 'error':
      return state.items > 0 ? 'reconnecting (showing last known state)' : 'unavailable';
  }
}

export function groupItem(element: ElementOf<'nodes' | 'workloads'>, count: number, state: ResourceState, narrowedTo: string | undefined): vscode.TreeItem {
  const title = element.type === 'nodes' ? 'Nodes' : 'Workloads';
  const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  const stateLabel = stateText(state);
  item.description = [element.type === 'nodes' ? String(count) : `${count} namespaces`, narrowedTo ? `namespace ${narrowedTo} only` : '', stateLabel]
    .filter((part) => part !== '')
    .join(' · ');
  item.iconPath = new vscode.ThemeIcon(element.type === 'nodes' ? 'server-environment' : 'layers');
  if (state.error !== undefined) item.tooltip = state.error.message;
  item.contextValue = `kubeWorkbench.group.${element.type}`;
  return item;
}

/** The action a status row offers, by error kind: credentials and files point at the kubeconfig. */
function statusCommand(element: ElementOf<'status'>): vscode.Command | undefined {
  if (/^(kubeconfig|unauthorized|tls)$/.test(element.detail)) {
    return { command: Commands.openKubeconfig, title: 'Open kubeconfig' };
  }
  return undefined;
}

export function statusItem(element: ElementOf<'status'>): vscode.TreeItem {
  const item = new vscode.TreeItem(element.message, vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.iconPath = new vscode.ThemeIcon(element.severity === 'error' ? 'warning' : 'info', new vscode.ThemeColor(element.severity === 'error' ? 'list.errorForeground' : 'foreground'));
  item.tooltip = element.message;
  const command = statusCommand(element);
  if (command !== undefined) {
    item.command = command;
    item.description = command.title;
  }
  item.contextValue = 'kubeWorkbench.status';
  return item;
}

export function moreItem(element: ElementOf<'more'>): vscode.TreeItem {
  const item = new vscode.TreeItem(`Show ${Math.min(element.remaining, 500)} more`, vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.description = `${element.remaining} not shown`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = { command: Commands.showMore, title: 'Show more', arguments: [element] };
  item.contextValue = 'kubeWorkbench.more';
  return item;
}
