import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Views } from '../ids.ts';
import type { Element } from './elements.ts';
import { ExplorerProvider } from './explorer-provider.ts';
import { startHealthTicker } from './health-ticker.ts';
import { EventDecorations } from './event-decorations.ts';
import { NodeDecorations } from './node-decorations.ts';

export interface Explorer extends vscode.Disposable {
  readonly provider: ExplorerProvider;
  readonly view: vscode.TreeView<Element>;
}

export function registerExplorer(clusters: ClusterServiceHolder): Explorer {
  const provider = new ExplorerProvider(() => clusters.get());
  const view = vscode.window.createTreeView(Views.explorer, { treeDataProvider: provider, showCollapseAll: true });
  const decorations = new NodeDecorations((context, name) => provider.standingOf(context, name));
  const warnings = new EventDecorations((context, subject) => provider.warningCount(context, subject));
  const disposables = vscode.Disposable.from(
    view,
    provider,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    provider.onDidChangeStandings(({ context, names }) => decorations.update(context, names)),
    warnings,
    vscode.window.registerFileDecorationProvider(warnings),
    provider.onDidChangeEvents(() => warnings.update()),
    startHealthTicker(provider),
    clusters.onDidReload(() => provider.refresh()),
  );
  return { provider, view, dispose: () => disposables.dispose() };
}
