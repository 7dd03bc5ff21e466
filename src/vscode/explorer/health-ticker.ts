// A node whose kubelet stops sends no more events: its heartbeat just grows old. So time itself is
// a source of change: every few seconds the shown nodes are judged again, and the rows whose health
// changed (Ready → Unknown after the grace period) are redrawn.
import type * as vscode from 'vscode';
import { judgeNodeHealth, type NodeHealth } from '../../core/cluster/health.ts';
import type { ClusterService } from '../bundle-loader.ts';
import type { ExplorerProvider } from './explorer-provider.ts';

const TICK_MS = 5_000;

export function startHealthTicker(provider: ExplorerProvider, service: () => ClusterService | undefined, now: () => number = Date.now): vscode.Disposable {
  const last = new Map<string, NodeHealth>();
  const timer = setInterval(() => {
    const clusters = service();
    if (clusters === undefined) return;
    for (const element of provider.renderedNodes()) {
      const connection = clusters.connection(element.context);
      const node = connection?.nodes.get('', element.name);
      if (connection === undefined || node === undefined) continue;
      const health = judgeNodeHealth(node, connection.leases.get('kube-node-lease', element.name), now()).health;
      if (last.has(element.id) && last.get(element.id) !== health) provider.invalidate(element.id);
      last.set(element.id, health);
    }
  }, TICK_MS);
  return { dispose: () => clearInterval(timer) };
}
