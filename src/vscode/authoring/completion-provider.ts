// Completion in Kubernetes manifests: keys, values and new-object snippets from the core's
// completions(), turned into CompletionItems. Inserts keep their whitespace: the core already indents
// nested blocks to the key's column.
import * as vscode from 'vscode';
import type { CompletionEntry } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import { isAuthoringDocument } from './authoring-documents.ts';
import type { AuthoringSource } from './authoring-source.ts';

const kinds: Readonly<Record<CompletionEntry['kind'], vscode.CompletionItemKind>> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  enum: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Reference,
  snippet: vscode.CompletionItemKind.Snippet,
  file: vscode.CompletionItemKind.File,
  folder: vscode.CompletionItemKind.Folder,
};

/** A space asks for values after `key: ` and keys after `- `; other spaces are left to typing. */
export const TRIGGER_CHARACTERS = [' ', ':'];

/** A space typed anywhere but after `key: ` or `- `: no completion to show. */
export function typedSpace(document: vscode.TextDocument, position: vscode.Position, context: vscode.CompletionContext): boolean {
  return context.triggerCharacter === ' ' && !/(?:^|[:-]) $/.test(document.lineAt(position.line).text.slice(0, position.character));
}

export class KubeCompletionProvider implements vscode.CompletionItemProvider {
  private readonly source: AuthoringSource;

  constructor(source: AuthoringSource) {
    this.source = source;
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): Promise<vscode.CompletionItem[] | undefined> {
    if (!isAuthoringDocument(document, position)) return undefined;
    if (typedSpace(document, position, context)) return undefined;
    const input = await this.source.input(document, position);
    return loadCoreModule().completions(input).map((entry) => completionItem(entry, document));
  }
}

/** A core completion entry as VS Code shows it; a retrigger asks for the next completion once inserted. */
export function completionItem(entry: CompletionEntry, document: vscode.TextDocument): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, kinds[entry.kind]);
  item.detail = entry.detail;
  if (entry.documentation !== undefined) item.documentation = new vscode.MarkdownString(entry.documentation);
  item.insertText = entry.snippet ? new vscode.SnippetString(entry.insertText) : entry.insertText;
  item.range = new vscode.Range(document.positionAt(entry.range.start), document.positionAt(entry.range.end));
  item.sortText = entry.sortText;
  if (entry.filterText !== undefined) item.filterText = entry.filterText;
  item.keepWhitespace = true;
  if (entry.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
  return item;
}
