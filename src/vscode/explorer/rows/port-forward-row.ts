// One port forward: local → remote, what it points at and the pod serving it now, the bytes carried
// and the connections, or what it is doing while its pod is gone ("reconnecting: ...").
import * as vscode from 'vscode';
import type { ForwardState } from '../../../cluster/index.ts';
import { byteSize } from '../../../core/text/byte-size.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    portForward: { forwardId: string };
  }
}

export const portForwardId = (context: string, forwardId: string): string => `forward:${context}:${forwardId}`;

export const portForwardElement = (context: string, forwardId: string) => ({ type: 'portForward', id: portForwardId(context, forwardId), context, forwardId }) as const;

/** "service/web in shop · pod web-7d9 · 1.5 KB ↓ 200 B ↑ · 1 open / 3 connections", or the reconnecting state. */
export function forwardDescription(state: ForwardState): string {
  const { target } = state.spec;
  const what = `${target.kind === 'Pod' ? 'pod' : target.kind.toLowerCase()}/${target.name} in ${target.namespace}`;
  if (state.phase === 'reconnecting') return `${what} · reconnecting: ${state.message ?? 'looking for a ready pod'}`;
  const pod = target.kind === 'Pod' || state.pod === undefined ? [] : [`pod ${state.pod}`];
  return [what, ...pod, `${byteSize(state.bytesIn)} ↓ ${byteSize(state.bytesOut)} ↑`, `${state.openConnections} open / ${state.totalConnections} connections`].join(' · ');
}

export const portForwardRow: Row<'portForward'> = {
  item(element, tree) {
    const state = tree
      .service()
      .portForwards.list()
      .find((each) => each.id === element.forwardId);
    if (state === undefined) return new vscode.TreeItem('stopped', vscode.TreeItemCollapsibleState.None);
    const item = new vscode.TreeItem(`127.0.0.1:${state.localPort} → ${String(state.spec.remotePort)}${state.podPort !== undefined && state.podPort !== state.spec.remotePort ? ` (${state.podPort})` : ''}`, vscode.TreeItemCollapsibleState.None);
    item.description = forwardDescription(state);
    const reconnecting = state.phase === 'reconnecting';
    item.iconPath = new vscode.ThemeIcon(reconnecting ? 'sync~spin' : 'plug', new vscode.ThemeColor(reconnecting ? 'list.warningForeground' : 'testing.iconPassed'));
    item.tooltip = `http://127.0.0.1:${state.localPort}/\n${item.description}${state.reconnects > 0 ? `\nmoved to another pod ${state.reconnects} times` : ''}${state.message !== undefined && !reconnecting ? `\nlast error: ${state.message}` : ''}`;
    return item;
  },
  contextValue: () => 'kubeWorkbench.portForward',
};
