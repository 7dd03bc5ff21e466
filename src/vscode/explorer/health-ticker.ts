// A node whose kubelet stops sends no more events: its heartbeat just grows old. So time itself is
// a source of change: every few seconds the Explorer judges its nodes again (rows whose standing
// changed redraw, and so do the Unknown rows whose heartbeat age they show).
import type * as vscode from 'vscode';
import type { ExplorerProvider } from './explorer-provider.ts';

const TICK_MS = 5_000;

export function startHealthTicker(provider: ExplorerProvider): vscode.Disposable {
  const timer = setInterval(() => provider.rejudgeNodes(), TICK_MS);
  return { dispose: () => clearInterval(timer) };
}
