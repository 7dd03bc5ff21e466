// Completion of the paths a kustomization names: the core says which folder the typed path is in, this
// lists it (through VS Code's file system, so remote workspaces work) and hands the listing back.
import * as vscode from 'vscode';
import { loadCoreModule } from '../bundle-loader.ts';
import { completionItem, typedSpace } from './completion-provider.ts';

/** `/` lists the folder just typed; a space after `- ` or `key: ` lists the kustomization's own. */
export const PATH_TRIGGER_CHARACTERS = ['/', ' '];

export class KustomizePathCompletion implements vscode.CompletionItemProvider {
  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): Promise<vscode.CompletionItem[] | undefined> {
    if (typedSpace(document, position, context)) return undefined;
    const core = loadCoreModule();
    const request = core.kustomizePathRequest(document.getText(), document.offsetAt(position));
    if (request === undefined) return undefined;
    const listing = await listFolder(vscode.Uri.joinPath(document.uri, '..', request.folder));
    return core.kustomizePathCompletions(request, listing).map((entry) => completionItem(entry, document));
  }
}

async function listFolder(folder: vscode.Uri): Promise<{ name: string; folder: boolean }[]> {
  try {
    // A symbolic link's bit comes with its target's type.
    return (await vscode.workspace.fs.readDirectory(folder)).map(([name, type]) => ({ name, folder: (type & vscode.FileType.Directory) !== 0 }));
  } catch (error) {
    // A folder that does not exist (yet) has nothing to offer; anything else is worth knowing.
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return [];
    throw error;
  }
}
