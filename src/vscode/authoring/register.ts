// Completion, field hovers, Outline, folding and navigation for the manifests the linter handles (and YAML where one is being started); links on a kustomization's paths and their completion.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { AuthoringSource } from './authoring-source.ts';
import { KubeCompletionProvider, TRIGGER_CHARACTERS } from './completion-provider.ts';
import { KubeFieldHover } from './hover-provider.ts';
import { KUSTOMIZATION_FILES, KustomizeLinks } from './kustomize-links.ts';
import { KustomizePathCompletion, PATH_TRIGGER_CHARACTERS } from './kustomize-path-provider.ts';
import { KubeNavigation } from './navigation-providers.ts';
import { KubeOutline } from './outline-providers.ts';
import { offerYamlHandOver, type Ask } from './yaml-hand-over.ts';

const YAML: vscode.DocumentSelector = { language: 'yaml' };

export function registerAuthoring(clusters: ClusterServiceHolder, lint: LintController, workspaceState: vscode.Memento, ask: Ask): vscode.Disposable {
  const source = new AuthoringSource(clusters, lint);
  const outline = new KubeOutline(lint);
  const navigation = new KubeNavigation(source, lint);
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(YAML, new KubeCompletionProvider(source), ...TRIGGER_CHARACTERS),
    vscode.languages.registerHoverProvider(YAML, new KubeFieldHover(source)),
    vscode.languages.registerDocumentSymbolProvider(YAML, outline, { label: 'Kubernetes' }),
    vscode.languages.registerFoldingRangeProvider(YAML, outline),
    vscode.languages.registerDefinitionProvider(YAML, navigation),
    vscode.languages.registerReferenceProvider(YAML, navigation),
    vscode.languages.registerCodeLensProvider(YAML, navigation),
    vscode.languages.registerDocumentLinkProvider(KUSTOMIZATION_FILES, new KustomizeLinks()),
    vscode.languages.registerCompletionItemProvider(KUSTOMIZATION_FILES, new KustomizePathCompletion(), ...PATH_TRIGGER_CHARACTERS),
    navigation,
    offerYamlHandOver(lint, workspaceState, ask),
  );
}
