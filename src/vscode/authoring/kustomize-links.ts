// Links on the paths a kustomization names (resources, bases, components, patch files): Ctrl+click opens
// the file, or a folder's own kustomization. Each path is resolved as YAML reads it and joined as a path
// segment, so `"web patch.yaml"` opens the file with a space (its URI percent-encodes it).
import * as vscode from 'vscode';
import { kustomizationPaths } from '../../core/authoring/kustomize-paths.ts';
import { loadCoreModule } from '../bundle-loader.ts';

/** Kustomize's own file names. */
export const KUSTOMIZATION_FILES: vscode.DocumentSelector = [{ pattern: '**/kustomization.{yaml,yml}' }, { pattern: '**/Kustomization' }];
const names = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export class KustomizeLinks implements vscode.DocumentLinkProvider {
  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const file = loadCoreModule().createLintFile(document.uri.toString(), document.getText());
    const folder = vscode.Uri.joinPath(document.uri, '..');
    const links: vscode.DocumentLink[] = [];
    for (const { path, range } of kustomizationPaths(file)) {
      if (token.isCancellationRequested) break;
      const target = await existingTarget(vscode.Uri.joinPath(folder, path));
      if (target !== undefined) links.push(new vscode.DocumentLink(new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)), target));
    }
    return links;
  }
}

/** The file itself, a folder's kustomization, or nothing for a path that does not exist (kubectl reports it). */
async function existingTarget(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const type = await typeOf(uri);
  if (type === vscode.FileType.File) return uri;
  if (type !== vscode.FileType.Directory) return undefined;
  for (const name of names) {
    const inner = vscode.Uri.joinPath(uri, name);
    if ((await typeOf(inner)) === vscode.FileType.File) return inner;
  }
  return undefined;
}

async function typeOf(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    // A symbolic link's bit comes with its target's type.
    return (await vscode.workspace.fs.stat(uri)).type & ~vscode.FileType.SymbolicLink;
  } catch {
    return undefined;
  }
}
