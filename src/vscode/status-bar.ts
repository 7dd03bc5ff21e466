// The current context and its namespace in the status bar, once the cluster service is in use.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from './cluster-service-holder.ts';
import { Commands } from './ids.ts';

export function registerStatusBar(clusters: ClusterServiceHolder): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('kubeWorkbench.context', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Kubernetes context';
  item.command = Commands.switchContext;
  const update = (): void => {
    const config = clusters.peek()?.config;
    if (config === undefined) return;
    if (!config.ok) {
      item.text = '$(warning) kubeconfig';
      item.tooltip = config.error.message;
    } else if (config.value.currentContext === '') {
      item.text = '$(cloud) no context';
      item.tooltip = 'The kubeconfig sets no current context';
    } else {
      const current = config.value.contexts.find((context) => context.name === config.value.currentContext);
      item.text = `$(cloud) ${config.value.currentContext}${current?.namespace ? ` / ${current.namespace}` : ''}`;
      item.tooltip = `Kubernetes context ${config.value.currentContext}${current ? ` (${current.server})` : ''}`;
    }
    item.show();
  };
  return vscode.Disposable.from(item, clusters.onDidCreate(update), clusters.onDidReload(update));
}
