import * as vscode from 'vscode';
import { Views } from '../ids.ts';
import { ExplorerProvider } from './explorer-provider.ts';

export interface Explorer extends vscode.Disposable {
  readonly provider: ExplorerProvider;
  readonly view: vscode.TreeView<vscode.TreeItem>;
}

export function registerExplorer(): Explorer {
  const provider = new ExplorerProvider();
  const view = vscode.window.createTreeView(Views.explorer, { treeDataProvider: provider, showCollapseAll: true });
  return {
    provider,
    view,
    dispose: () => {
      view.dispose();
      provider.dispose();
    },
  };
}
