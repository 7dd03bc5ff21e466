// The kustomize renders (kubectl, the disk tree, the tracing: dist/kustomize-renders.js) load with the
// first kustomization the editor sees, not at activation. Until then no render has shown anything, so
// there is nothing to forget or render again.
import type * as vscode from 'vscode';
import { loadKustomizeRendersModule } from '../bundle-loader.ts';
import type { Log } from '../output.ts';
import { isKustomizationDocument } from './kustomization-document.ts';
import type { KustomizeRenders } from './kustomize-renders.ts';
import type { LintController } from './lint-controller.ts';
import type { RuleDocLinks } from './rule-doc-links.ts';

export class LazyKustomizeRenders implements vscode.Disposable {
  private loaded: KustomizeRenders | undefined;
  private readonly lint: LintController;
  private readonly ruleLinks: RuleDocLinks;
  private readonly log: Log;

  constructor(lint: LintController, ruleLinks: RuleDocLinks, log: Log) {
    this.lint = lint;
    this.ruleLinks = ruleLinks;
    this.log = log;
  }

  /** Renders started (kubectl runs). */
  get started(): number {
    return this.loaded?.started ?? 0;
  }

  render(document: vscode.TextDocument): void {
    if (isKustomizationDocument(document)) this.renders().render(document);
  }

  saved(document: vscode.TextDocument): void {
    (isKustomizationDocument(document) ? this.renders() : this.loaded)?.saved(document);
  }

  deleted(uri: vscode.Uri): void {
    this.loaded?.deleted(uri);
  }

  forget(uri: vscode.Uri): void {
    this.loaded?.forget(uri);
  }

  dispose(): void {
    this.loaded?.dispose();
  }

  private renders(): KustomizeRenders {
    this.loaded ??= new (loadKustomizeRendersModule().KustomizeRenders)(this.lint, this.ruleLinks, this.log);
    return this.loaded;
  }
}
