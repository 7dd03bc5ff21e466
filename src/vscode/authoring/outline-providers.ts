// The Outline, breadcrumbs and folding of a Kubernetes manifest: the core's objects and containers per
// document, on the linter's cached parse. Other YAML is left to whichever YAML extension handles it.
import * as vscode from 'vscode';
import type { ObjectSymbol } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import { isKubernetesDocument } from '../diagnostics/kubernetes-documents.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';

export class KubeOutline implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  private readonly lint: LintController;

  constructor(lint: LintController) {
    this.lint = lint;
  }

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    if (!isKubernetesDocument(document)) return undefined;
    const range = (span: { start: number; end: number }) => new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
    const symbol = (entry: ObjectSymbol): vscode.DocumentSymbol => {
      const kind = entry.kind === 'object' ? vscode.SymbolKind.Class : vscode.SymbolKind.Object;
      const made = new vscode.DocumentSymbol(entry.name, entry.detail, kind, range(entry.range), range(entry.selectionRange));
      made.children = entry.children.map(symbol);
      return made;
    };
    return loadCoreModule().documentSymbols(this.lint.parse(document)).map(symbol);
  }

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] | undefined {
    if (!isKubernetesDocument(document)) return undefined;
    return loadCoreModule()
      .foldingRanges(this.lint.parse(document))
      .map((span) => new vscode.FoldingRange(document.positionAt(span.start).line, document.positionAt(span.end).line))
      .filter((fold) => fold.end > fold.start);
  }
}
