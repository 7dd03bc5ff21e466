import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { ElementOf } from '../explorer/elements.ts';
import type { Explorer } from '../explorer/register.ts';
import { Commands } from '../ids.ts';
import type { Log } from '../output.ts';

/** Context key that shows "Clear filter" in the view's title while a filter is set. */
const FILTERED_KEY = 'kubeWorkbench.explorer.filtered';

function applyFilter(explorer: Explorer, text: string): Thenable<unknown> {
  explorer.provider.setFilter(text);
  explorer.view.message = explorer.provider.filter === '' ? undefined : `Filter: ${explorer.provider.filter}`;
  return vscode.commands.executeCommand('setContext', FILTERED_KEY, explorer.provider.filter !== '');
}

export function registerExplorerCommands(explorer: Explorer, clusters: ClusterServiceHolder, log: Log): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.refresh, () => {
      clusters.reload();
      explorer.provider.refresh();
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => log.show()),
    vscode.commands.registerCommand(Commands.showMore, (more: ElementOf<'more'>) => explorer.provider.showMore(more)),
    vscode.commands.registerCommand(Commands.filterExplorer, async (text?: string) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: 'Filter the Kubernetes Explorer',
              prompt: 'Part of a name, or of a label written key=value; empty clears the filter',
              value: explorer.provider.filter,
            });
      if (value !== undefined) await applyFilter(explorer, value);
    }),
    vscode.commands.registerCommand(Commands.clearFilter, () => applyFilter(explorer, '')),
  );
}
