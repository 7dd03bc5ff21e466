// Hooks the lint controller to the editor: lint on open and save (or as you type, debounced, or
// never, per kubeWorkbench.lint.run), clear on close and delete, re-lint when settings change; and the
// kustomizations' renders, on open and save of a kustomization or of a file one was built from, and
// again when such a file is deleted.
import * as vscode from 'vscode';
import { onDidChangeConfig, readConfig } from '../config.ts';
import { Commands, Settings } from '../ids.ts';
import type { Log } from '../output.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { UsageSuggestionCache } from '../allocator/usage-suggestion-cache.ts';
import { clusterFactsFrom } from './cluster-facts.ts';
import { isKubernetesDocument } from './kubernetes-documents.ts';
import { LazyKustomizeRenders } from './lazy-kustomize-renders.ts';
import { LintController } from './lint-controller.ts';
import { NamespaceLabels } from './namespace-labels.ts';
import { applyFixWithInput, LintQuickFixes } from './quick-fixes.ts';
import { RuleDocLinks } from './rule-doc-links.ts';
import { RuleHover } from './rule-hover.ts';

const TYPING_DELAY_MS = 300;
const YAML: vscode.DocumentSelector = { language: 'yaml' };

export interface Diagnostics {
  readonly controller: LintController;
  /** Lints every open Kubernetes document again (cluster facts changed). */
  readonly relint: () => void;
  /** How many kustomization renders have started. */
  readonly rendersStarted: () => number;
  readonly disposable: vscode.Disposable;
}

export function registerDiagnostics(extensionUri: vscode.Uri, log: Log, clusters: ClusterServiceHolder, suggestions: UsageSuggestionCache): Diagnostics {
  // New Pod Security labels on the cluster's namespaces can change findings: lint again.
  const namespaces = new NamespaceLabels(() => lintAll());
  const rulesDoc = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  const controller = new LintController(rulesDoc, log, () => clusterFactsFrom(clusters, suggestions, namespaces));
  const renders = new LazyKustomizeRenders(controller, new RuleDocLinks(rulesDoc), log);
  const renderAll = (): void => vscode.workspace.textDocuments.forEach((document) => renders.render(document));
  const forget = (uri: vscode.Uri): void => {
    controller.clear(uri);
    renders.forget(uri);
  };
  // Deleted or renamed outside the editor too (git, a terminal): onDidDeleteFiles is only the editor's own.
  const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  const pending = new Map<string, NodeJS.Timeout>();
  const run = (document: vscode.TextDocument): void => {
    controller.lintDocument(document).catch((error: unknown) => log.error(`lint of ${document.uri.fsPath} failed: ${String(error)}`));
  };
  const lintAll = (): void => {
    if (readConfig().lintRun === 'off') {
      for (const document of vscode.workspace.textDocuments) controller.clear(document.uri);
      return;
    }
    // One lint per folder: a document's lint covers every open manifest of its folder, so linting each
    // of N open manifests would lint the same file set N times.
    const folders = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      if (!isKubernetesDocument(document)) continue;
      const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString();
      if (folder !== undefined && folders.has(folder)) continue;
      if (folder !== undefined) folders.add(folder);
      run(document);
    }
  };
  const disposable = vscode.Disposable.from(
    controller,
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (readConfig().lintRun !== 'off') run(document);
      renders.render(document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (readConfig().lintRun !== 'off') run(document);
      renders.saved(document);
    }),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (readConfig().lintRun !== 'onType' || document.languageId !== 'yaml') return;
      const key = document.uri.toString();
      clearTimeout(pending.get(key));
      pending.set(key, setTimeout(() => run(document), TYPING_DELAY_MS));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => forget(document.uri)),
    vscode.workspace.onDidDeleteFiles(({ files }) => files.forEach(forget)),
    deletions,
    deletions.onDidDelete((uri) => renders.deleted(uri)),
    onDidChangeConfig(lintAll, Settings.lintRules, Settings.lintProfile, Settings.lintRun, Settings.kubernetesVersion),
    // Not on every re-lint (cluster facts change often): a render runs kubectl.
    onDidChangeConfig(renderAll, Settings.lintRules, Settings.lintProfile, Settings.lintRun, Settings.kubernetesVersion),
    vscode.workspace.onDidGrantWorkspaceTrust(renderAll),
    renders,
    vscode.languages.registerCodeActionsProvider(YAML, new LintQuickFixes(controller), LintQuickFixes.metadata),
    vscode.languages.registerHoverProvider(YAML, new RuleHover(controller)),
    vscode.commands.registerCommand(Commands.applyLintFix, applyFixWithInput),
    { dispose: () => pending.forEach((timer) => clearTimeout(timer)) },
  );
  lintAll();
  renderAll();
  return { controller, relint: lintAll, rendersStarted: () => renders.started, disposable };
}
