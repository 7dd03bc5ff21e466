import type * as vscode from 'vscode';
import { registerAllocator } from './vscode/allocator/register.ts';
import { UsageSuggestionCache } from './vscode/allocator/usage-suggestion-cache.ts';
import { loadCommandsModule } from './vscode/bundle-loader.ts';
import { ClusterServiceHolder } from './vscode/cluster-service-holder.ts';
import { registerLiveFiles } from './vscode/live-edit/live-files.ts';
import { CommandUi, testSeamFor, type TestSeam } from './vscode/commands/command-ui.ts';
import { registerDescribeDocuments } from './vscode/commands/describe-documents.ts';
import { registerLogDocuments } from './vscode/commands/log-documents.ts';
import { registerSecretRevealDocuments } from './vscode/commands/secret-reveal-documents.ts';
import { onDidChangeConfig, readConfig, type WorkbenchConfig } from './vscode/config.ts';
import { Commands, Settings } from './vscode/ids.ts';
import type { LintController } from './vscode/diagnostics/lint-controller.ts';
import { registerDiagnostics } from './vscode/diagnostics/register.ts';
import { registerAuthoring } from './vscode/authoring/register.ts';
import type { Element } from './vscode/explorer/elements.ts';
import type { ExplorerProvider } from './vscode/explorer/explorer-provider.ts';
import { registerExplorer } from './vscode/explorer/register.ts';
import { registerLazyCommands } from './vscode/lazy-commands.ts';
import { Log } from './vscode/output.ts';
import { redrawForwardRows } from './vscode/pod-access/forward-rows.ts';
import { registerStatusBar, type StatusBar } from './vscode/status-bar.ts';

/** What `activate()` returns: handles that integration tests read state through. */
export interface KubeWorkbenchApi {
  readonly explorer: ExplorerProvider;
  readonly explorerView: vscode.TreeView<Element>;
  /** The context and namespace items. */
  readonly statusBar: StatusBar;
  readonly clusters: ClusterServiceHolder;
  readonly lint: LintController;
  /** How many kustomization renders (kubectl runs) have started. */
  readonly kustomizeRendersStarted: () => number;
  /** The settings as the extension reads them (workspace trust applied). */
  readonly settings: () => WorkbenchConfig;
  /** The newest lines of the output channel. */
  readonly logLines: () => readonly string[];
  /** Only when the extension host runs tests: answers the commands' questions instead of a user. */
  readonly testing?: TestSeam;
}

/** Every command but the quick fix's (registered with the diagnostics) has its handler in dist/commands.js. */
const LAZY_COMMANDS = Object.values(Commands).filter((id) => id !== Commands.applyLintFix);

// Only wiring here: the cluster service (and its Kubernetes client) is created on first use, the
// commands' handlers are loaded when the first one runs.
export function activate(context: vscode.ExtensionContext): KubeWorkbenchApi {
  const log = new Log(readConfig().logLevel);
  const clusters = new ClusterServiceHolder(log, context.globalStorageUri.fsPath);
  const explorer = registerExplorer(clusters);
  const statusBar = registerStatusBar(clusters);
  const suggestions = new UsageSuggestionCache(clusters);
  const diagnostics = registerDiagnostics(context.extensionUri, log, clusters, suggestions);
  const ui = new CommandUi();
  const describe = registerDescribeDocuments(clusters);
  const secrets = registerSecretRevealDocuments();
  const live = registerLiveFiles(clusters, diagnostics.controller, ui);
  const { workspaceState } = context;
  context.subscriptions.push(
    ui,
    diagnostics.disposable,
    registerAuthoring(clusters, diagnostics.controller, workspaceState, (question) => ui.ask(question)),
    log,
    clusters,
    explorer,
    statusBar,
    describe.disposable,
    secrets.disposable,
    registerLogDocuments(clusters),
    live.disposable,
    redrawForwardRows(clusters, explorer.provider),
    suggestions,
    registerAllocator(clusters, diagnostics.controller, suggestions, diagnostics.relint),
    registerLazyCommands(LAZY_COMMANDS, () => {
      const { registerCommands } = loadCommandsModule();
      return () => registerCommands({ clusters, ui, explorer, log, lint: diagnostics.controller, describe: describe.provider, revealed: secrets.revealed, liveFiles: live.files, workspaceState });
    }),
    onDidChangeConfig((config) => log.setLevel(config.logLevel), Settings.logLevel),
    // Only a different kubeconfig reconnects: a lint setting must not relist a 150,000-pod cluster.
    onDidChangeConfig(() => clusters.reload(), Settings.kubeconfig),
    onDidChangeConfig(() => clusters.restartUsage(), Settings.allocatorPrometheusUrl),
  );
  log.info(`activated ${context.extension.id} ${context.extension.packageJSON.version as string}`);
  const testing = testSeamFor(ui, context.extensionMode);
  return { explorer: explorer.provider, explorerView: explorer.view, statusBar, clusters, lint: diagnostics.controller, kustomizeRendersStarted: diagnostics.rendersStarted, settings: readConfig, logLines: () => log.recent(), ...(testing === undefined ? {} : { testing }) };
}
