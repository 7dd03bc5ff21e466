// Field documentation on hover: the core's hoverAt() as Markdown over the key's range.
import * as vscode from 'vscode';
import { loadCoreModule } from '../bundle-loader.ts';
import { isAuthoringDocument } from './authoring-documents.ts';
import type { AuthoringSource } from './authoring-source.ts';

export class KubeFieldHover implements vscode.HoverProvider {
  private readonly source: AuthoringSource;

  constructor(source: AuthoringSource) {
    this.source = source;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!isAuthoringDocument(document, position)) return undefined;
    const hover = loadCoreModule().hoverAt(await this.source.input(document, position));
    if (hover === undefined) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(hover.markdown), new vscode.Range(document.positionAt(hover.range.start), document.positionAt(hover.range.end)));
  }
}
