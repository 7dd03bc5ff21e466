import type * as vscode from 'vscode';
import { registerExplorerCommands } from './vscode/commands/explorer-commands.ts';
import { registerKubeconfigCommands } from './vscode/commands/kubeconfig-commands.ts';
import { onDidChangeConfig, readConfig } from './vscode/config.ts';
import { registerExplorer } from './vscode/explorer/register.ts';
import type { ExplorerProvider } from './vscode/explorer/explorer-provider.ts';
import { Log } from './vscode/output.ts';

/** What `activate()` returns: handles that integration tests read state through. */
export interface KubeWorkbenchApi {
  readonly explorer: ExplorerProvider;
  readonly explorerView: vscode.TreeView<vscode.TreeItem>;
}

// Only wiring here: anything costly (the Kubernetes client, schemas) is loaded on first use.
export function activate(context: vscode.ExtensionContext): KubeWorkbenchApi {
  const log = new Log(readConfig().logLevel);
  const explorer = registerExplorer();
  context.subscriptions.push(
    log,
    explorer,
    registerExplorerCommands(explorer.provider, log),
    registerKubeconfigCommands(),
    onDidChangeConfig((config) => log.setLevel(config.logLevel)),
  );
  log.info(`activated ${context.extension.id} ${context.extension.packageJSON.version as string}`);
  return { explorer: explorer.provider, explorerView: explorer.view };
}
