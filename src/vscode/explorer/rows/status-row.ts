// A message where rows would be: a kubeconfig that does not parse, a 401 or 403 under a group, the
// server's version skew. Credential and file errors offer "Open kubeconfig".
import * as vscode from 'vscode';
import type { WatchedResource } from '../../../cluster/index.ts';
import type { ClusterConnection, ResourceState } from '../../bundle-loader.ts';
import { Commands } from '../../ids.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    status: { severity: 'error' | 'info'; message: string; /** The error kind (or 'skew'), which picks the action. */ detail: string };
  }
}

export const statusElement = (context: string, key: string, severity: 'error' | 'info', message: string, detail: string) =>
  ({ type: 'status', id: `status:${key}`, context, severity, message, detail }) as const;

/** The row a group shows instead of its children when its resource fails and nothing is cached. */
export function failureElement(connection: ClusterConnection, resource: WatchedResource, parentId: string, empty: boolean): ReturnType<typeof statusElement> | undefined {
  const { error } = connection.state(resource);
  return error === undefined || !empty ? undefined : statusElement(connection.context, parentId, 'error', error.message, error.kind);
}

/** A group's sync state in a few words; '' once synced. */
export function stateText(state: ResourceState): string {
  switch (state.phase) {
    case 'connecting':
      return 'connecting…';
    case 'synced':
      return '';
    case 'error':
      return state.items > 0 ? 'reconnecting (showing last known state)' : 'unavailable';
  }
}

export const statusRow: Row<'status'> = {
  item(element) {
    const item = new vscode.TreeItem(element.message, vscode.TreeItemCollapsibleState.None);
    const error = element.severity === 'error';
    item.iconPath = new vscode.ThemeIcon(error ? 'warning' : 'info', new vscode.ThemeColor(error ? 'list.errorForeground' : 'foreground'));
    item.tooltip = element.message;
    if (/^(kubeconfig|unauthorized|tls)$/.test(element.detail)) {
      item.command = { command: Commands.openKubeconfig, title: 'Open kubeconfig' };
      item.description = item.command.title;
    }
    return item;
  },
  contextValue: () => 'kubeWorkbench.status',
  replaceable: true,
};
