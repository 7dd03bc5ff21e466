// The current context and its namespace in the status bar, once the cluster service is in use: two
// items, each opening its own switch (context, namespace), as kubectl's two settings are separate;
// a third counts the running port forwards (hidden while there are none) and opens the Explorer.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from './cluster-service-holder.ts';
import { Commands, Views } from './ids.ts';
import { onForwardChange } from './pod-access/forward-rows.ts';

export interface StatusBar extends vscode.Disposable {
  readonly context: vscode.StatusBarItem;
  readonly namespace: vscode.StatusBarItem;
  readonly forwards: vscode.StatusBarItem;
}

export function registerStatusBar(clusters: ClusterServiceHolder): StatusBar {
  const context = vscode.window.createStatusBarItem('kubeWorkbench.context', vscode.StatusBarAlignment.Left, 50);
  context.name = 'Kubernetes context';
  context.command = Commands.switchContext;
  // Just right of the context, in the same group.
  const namespace = vscode.window.createStatusBarItem('kubeWorkbench.namespace', vscode.StatusBarAlignment.Left, 49.9);
  namespace.name = 'Kubernetes namespace';
  namespace.command = Commands.switchNamespace;
  const forwards = vscode.window.createStatusBarItem('kubeWorkbench.portForwards', vscode.StatusBarAlignment.Left, 49.8);
  forwards.name = 'Kubernetes port forwards';
  forwards.command = `${Views.explorer}.focus`;
  const countForwards = (): void => {
    const running = clusters.peek()?.portForwards.list() ?? [];
    forwards.text = `$(plug) ${running.length}`;
    forwards.tooltip = `${running.length} port forward${running.length === 1 ? '' : 's'}: ${running.map((state) => `127.0.0.1:${state.localPort} → ${state.spec.target.name}`).join(', ')}`;
    if (running.length > 0) forwards.show();
    else forwards.hide();
  };
  const update = (): void => {
    const config = clusters.peek()?.config;
    if (config === undefined) return;
    context.show();
    if (!config.ok || config.value.currentContext === '') {
      context.text = config.ok ? '$(cloud) no context' : '$(warning) kubeconfig';
      context.tooltip = config.ok ? 'The kubeconfig sets no current context: click to choose one' : config.error.message;
      namespace.hide();
      return;
    }
    const current = config.value.contexts.find((candidate) => candidate.name === config.value.currentContext);
    context.text = `$(cloud) ${config.value.currentContext}`;
    context.tooltip = `Kubernetes context ${config.value.currentContext}${current ? ` (${current.server})` : ''}: click to switch context`;
    namespace.text = `$(symbol-namespace) ${current?.namespace || 'default'}`;
    namespace.tooltip = `Namespace of context ${config.value.currentContext}${current?.namespace ? '' : ' (none set: kubectl uses default)'}: click to switch namespace`;
    namespace.show();
  };
  const disposables = vscode.Disposable.from(context, namespace, forwards, clusters.onDidCreate(update), clusters.onDidReload(update), onForwardChange(clusters, countForwards));
  return { context, namespace, forwards, dispose: () => disposables.dispose() };
}
