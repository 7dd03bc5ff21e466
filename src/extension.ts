import type * as vscode from 'vscode';
import { registerAllocator } from './vscode/allocator/register.ts';
import { UsageSuggestionCache } from './vscode/allocator/usage-suggestion-cache.ts';
import { ClusterServiceHolder } from './vscode/cluster-service-holder.ts';
import { registerExplorerCommands } from './vscode/commands/explorer-commands.ts';
import { registerLiveEdit } from './vscode/live-edit/live-edit-commands.ts';
import { registerApplyCommand } from './vscode/commands/apply-command.ts';
import { registerContextCommands } from './vscode/commands/context-commands.ts';
import { registerDeployCommand } from './vscode/commands/deploy-command.ts';
import { registerDescribeCommand } from './vscode/commands/describe-command.ts';
import { registerJobCommand } from './vscode/commands/job-command.ts';
import { registerKubeconfigCommands } from './vscode/commands/kubeconfig-commands.ts';
import { registerLogsCommands } from './vscode/commands/logs-commands.ts';
import { registerNamespaceCommand } from './vscode/commands/namespace-command.ts';
import { registerSecretRevealCommand } from './vscode/commands/secret-reveal-command.ts';
import { registerWorkloadCommands } from './vscode/commands/workload-commands.ts';
import { CommandUi, testSeamFor, type TestSeam } from './vscode/commands/command-ui.ts';
import { onDidChangeConfig, readConfig, type WorkbenchConfig } from './vscode/config.ts';
import { Settings } from './vscode/ids.ts';
import type { LintController } from './vscode/diagnostics/lint-controller.ts';
import { registerDiagnostics } from './vscode/diagnostics/register.ts';
import { registerAuthoring } from './vscode/authoring/register.ts';
import type { Element } from './vscode/explorer/elements.ts';
import type { ExplorerProvider } from './vscode/explorer/explorer-provider.ts';
import { registerExplorer } from './vscode/explorer/register.ts';
import { registerRevealWorkload } from './vscode/explorer/reveal-workload.ts';
import { Log } from './vscode/output.ts';
import { registerPodAccess } from './vscode/pod-access/register.ts';
import { registerStatusBar, type StatusBar } from './vscode/status-bar.ts';

/** What `activate()` returns: handles that integration tests read state through. */
export interface KubeWorkbenchApi {
  readonly explorer: ExplorerProvider;
  readonly explorerView: vscode.TreeView<Element>;
  /** The context and namespace items. */
  readonly statusBar: StatusBar;
  readonly clusters: ClusterServiceHolder;
  readonly lint: LintController;
  /** The settings as the extension reads them (workspace trust applied). */
  readonly settings: () => WorkbenchConfig;
  /** The newest lines of the output channel. */
  readonly logLines: () => readonly string[];
  /** Only when the extension host runs tests: answers the commands' questions instead of a user. */
  readonly testing?: TestSeam;
}

// Only wiring here: the cluster service (and its Kubernetes client) is created on first use.
export function activate(context: vscode.ExtensionContext): KubeWorkbenchApi {
  const log = new Log(readConfig().logLevel);
  const clusters = new ClusterServiceHolder(log, context.globalStorageUri.fsPath);
  const explorer = registerExplorer(clusters);
  const statusBar = registerStatusBar(clusters);
  const suggestions = new UsageSuggestionCache(clusters);
  const diagnostics = registerDiagnostics(context.extensionUri, log, clusters, suggestions);
  const ui = new CommandUi();
  context.subscriptions.push(
    ui,
    diagnostics.disposable,
    registerAuthoring(clusters, diagnostics.controller, context.workspaceState),
    log,
    clusters,
    explorer,
    statusBar,
    registerExplorerCommands(explorer, clusters, log),
    registerRevealWorkload(explorer),
    registerKubeconfigCommands(),
    registerWorkloadCommands(clusters, ui),
    registerDescribeCommand(clusters),
    registerLogsCommands(clusters, ui),
    registerDeployCommand(clusters, ui),
    registerJobCommand(clusters, ui),
    registerApplyCommand(clusters, diagnostics.controller, ui),
    registerContextCommands(clusters),
    registerNamespaceCommand(clusters),
    suggestions,
    registerAllocator(clusters, diagnostics.controller, suggestions, diagnostics.relint),
    registerSecretRevealCommand(clusters, ui),
    registerPodAccess(clusters, ui, explorer.provider, context.workspaceState),
    registerLiveEdit(clusters, diagnostics.controller, ui),
    onDidChangeConfig((config) => log.setLevel(config.logLevel), Settings.logLevel),
    // Only a different kubeconfig reconnects: a lint setting must not relist a 150,000-pod cluster.
    onDidChangeConfig(() => clusters.reload(), Settings.kubeconfig),
    onDidChangeConfig(() => clusters.restartUsage(), Settings.allocatorPrometheusUrl),
  );
  log.info(`activated ${context.extension.id} ${context.extension.packageJSON.version as string}`);
  const testing = testSeamFor(ui, context.extensionMode);
  return { explorer: explorer.provider, explorerView: explorer.view, statusBar, clusters, lint: diagnostics.controller, settings: readConfig, logLines: () => log.recent(), ...(testing === undefined ? {} : { testing }) };
}
