// The allocator in the editor: the resources hover, and a re-lint of the open manifests when new usage
// changes what the current context's suggestions say (the right-sizing report is a command).
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { ResourcesHover } from './resources-hover.ts';
import type { UsageSuggestionCache } from './usage-suggestion-cache.ts';

export function registerAllocator(clusters: ClusterServiceHolder, controller: LintController, suggestions: UsageSuggestionCache, relint: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider({ language: 'yaml' }, new ResourcesHover(controller, clusters)),
    suggestions.onDidChange(relint),
  );
}
