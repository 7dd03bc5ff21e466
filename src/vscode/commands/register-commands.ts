// Every command's handler: the entry of dist/commands.js, which the extension requires when the first
// command runs (lazy-commands.ts), so that activation neither loads nor compiles them. What must work
// before any command (the Explorer, the documents VS Code may restore, linting, hovers) is registered
// at activation in src/extension.ts and handed in here.
import * as vscode from 'vscode';
import { registerRightSizingReport } from '../allocator/right-sizing-report.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import type { Explorer } from '../explorer/register.ts';
import { registerRevealWorkload } from '../explorer/reveal-workload.ts';
import { registerLiveEditCommands } from '../live-edit/live-edit-commands.ts';
import type { LiveFileSystem } from '../live-edit/live-file-system.ts';
import type { Log } from '../output.ts';
import { registerPodAccessCommands } from '../pod-access/pod-access-commands.ts';
import { registerApplyCommand } from './apply-command.ts';
import type { CommandUi } from './command-ui.ts';
import { registerContextCommands } from './context-commands.ts';
import { registerDeployCommand } from './deploy-command.ts';
import { registerDescribeCommand } from './describe-command.ts';
import type { DescribeProvider } from './describe-documents.ts';
import { registerExplorerCommands } from './explorer-commands.ts';
import { registerJobCommand } from './job-command.ts';
import { registerKubeconfigCommands } from './kubeconfig-commands.ts';
import { registerLogsCommands } from './logs-commands.ts';
import { registerNamespaceCommand } from './namespace-command.ts';
import { registerSecretRevealCommand } from './secret-reveal-command.ts';
import type { RevealedValues } from './secret-reveal-documents.ts';
import { registerWorkloadCommands } from './workload-commands.ts';

/** What the commands share with the parts registered at activation. */
export interface CommandDeps {
  readonly clusters: ClusterServiceHolder;
  readonly ui: CommandUi;
  readonly explorer: Explorer;
  readonly log: Log;
  readonly lint: LintController;
  readonly describe: DescribeProvider;
  readonly revealed: RevealedValues;
  readonly liveFiles: LiveFileSystem;
  readonly workspaceState: vscode.Memento;
}

export function registerCommands({ clusters, ui, explorer, log, lint, describe, revealed, liveFiles, workspaceState }: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    registerExplorerCommands(explorer, clusters, log),
    registerRevealWorkload(explorer),
    registerKubeconfigCommands(),
    registerWorkloadCommands(clusters, ui),
    registerDescribeCommand(clusters, describe),
    registerLogsCommands(clusters, ui),
    registerDeployCommand(clusters, ui),
    registerJobCommand(clusters, ui),
    registerApplyCommand(clusters, lint, ui),
    registerContextCommands(clusters),
    registerNamespaceCommand(clusters),
    registerRightSizingReport(clusters),
    registerSecretRevealCommand(clusters, ui, revealed),
    registerPodAccessCommands(clusters, ui, workspaceState),
    registerLiveEditCommands(clusters, ui, liveFiles),
  );
}
