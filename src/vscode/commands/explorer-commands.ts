import * as vscode from 'vscode';
import type { ExplorerProvider } from '../explorer/explorer-provider.ts';
import { Commands } from '../ids.ts';
import type { Log } from '../output.ts';

export function registerExplorerCommands(provider: ExplorerProvider, log: Log): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.refresh, () => provider.refresh()),
    vscode.commands.registerCommand(Commands.showOutput, () => log.show()),
  );
}
