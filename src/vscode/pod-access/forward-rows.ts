// Keeps the Explorer's Port Forwards rows current from the manager's changes. A forward's own row
// redraws on every change (bytes at most once a second); its group on every change too (counts,
// reconnecting); the context row only when the set of forwards changes, as redrawing it re-reads
// every expanded group under it (Nodes, Workloads).
import type * as vscode from 'vscode';
import type { ForwardState } from '../../cluster/index.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { ExplorerProvider } from '../explorer/explorer-provider.ts';
import { contextId } from '../explorer/rows/context-row.ts';
import { portForwardId } from '../explorer/rows/port-forward-row.ts';
import { portForwardsId } from '../explorer/rows/port-forwards-row.ts';

/** Calls `listener` on each change of the service's forwards, from when the service exists. */
export function onForwardChange(clusters: ClusterServiceHolder, listener: (state: ForwardState) => void): vscode.Disposable {
  let subscription: { dispose(): void } | undefined;
  const subscribe = (): void => {
    subscription ??= clusters.get().portForwards.onDidChange(listener);
  };
  const created = clusters.onDidCreate(subscribe);
  if (clusters.peek() !== undefined) subscribe();
  return { dispose: () => (created.dispose(), subscription?.dispose()) };
}

export function redrawForwardRows(clusters: ClusterServiceHolder, explorer: ExplorerProvider): vscode.Disposable {
  const listed = new Map<string, string>();
  return onForwardChange(clusters, (state) => {
    const { context } = state.spec;
    const ids = clusters
      .get()
      .portForwards.list()
      .filter((each) => each.spec.context === context)
      .map((each) => each.id)
      .sort()
      .join(',');
    if (listed.get(context) !== ids) explorer.invalidate(contextId(context));
    listed.set(context, ids);
    explorer.invalidate(portForwardsId(context));
    explorer.invalidate(portForwardId(context, state.id));
  });
}
