// Into a running pod: terminals (Open Terminal, Attach), port forwards (their commands and the
// workspace's saved list; forward-rows.ts redraws their Explorer rows) and file copies. Forwards
// belong to the cluster service, so they stop with it when the extension deactivates; terminals
// close here.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { CommandUi } from '../commands/command-ui.ts';
import { registerCopyCommands } from './copy-commands.ts';
import { PortForwardCommands, registerPortForwardCommands } from './port-forward-commands.ts';
import { SavedForwards } from './saved-forwards.ts';
import { registerTerminalCommands } from './terminal-commands.ts';

export function registerPodAccessCommands(clusters: ClusterServiceHolder, ui: CommandUi, workspaceState: vscode.Memento): vscode.Disposable {
  return vscode.Disposable.from(
    registerTerminalCommands(clusters, ui),
    registerPortForwardCommands(new PortForwardCommands(clusters, ui, new SavedForwards(workspaceState))),
    registerCopyCommands(clusters, ui),
  );
}
