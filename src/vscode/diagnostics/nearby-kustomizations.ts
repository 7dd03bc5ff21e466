// The kustomizations on disk beside the manifests being linted, open or not, so that a patch file they
// name is linted as the partial object it is even when its kustomization is closed or has no
// apiVersion/kind (which keeps it out of the open-document file set). Read once and kept until a
// watcher sees a kustomization created, changed or deleted.
import * as vscode from 'vscode';
import type { LintFile } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';

const NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** A patch usually sits in its kustomization's folder or a `patches/` folder below it: two levels up is enough. */
const LEVELS_UP = 2;
/** Kustomizations are small; a larger file is not one worth reading on every lint. */
const MAX_BYTES = 256 * 1024;

export class NearbyKustomizations implements vscode.Disposable {
  /** Folder URI → its kustomization parsed, or undefined when it has none. */
  private readonly byFolder = new Map<string, Promise<LintFile | undefined>>();
  /** Made on the first lint, not at activation. */
  private subscriptions: vscode.Disposable[] | undefined;

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${NAMES.join(',')}}`);
    const forget = (uri: vscode.Uri): void => {
      this.byFolder.delete(vscode.Uri.joinPath(uri, '..').toString());
    };
    this.subscriptions = [watcher, watcher.onDidCreate(forget), watcher.onDidChange(forget), watcher.onDidDelete(forget)];
  }

  /** The kustomizations in the folders of `documents` and up to two levels above, within their workspace folder, that are not among them. */
  async around(documents: readonly vscode.TextDocument[]): Promise<LintFile[]> {
    if (this.subscriptions === undefined) this.watch();
    const open = new Set(documents.map((document) => document.uri.toString()));
    const folders = new Set<string>();
    for (const document of documents) {
      const root = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString();
      if (document.uri.scheme !== 'file' || root === undefined) continue;
      let folder = vscode.Uri.joinPath(document.uri, '..');
      const inside = (uri: vscode.Uri): boolean => uri.toString() === root || uri.toString().startsWith(`${root}/`);
      for (let level = 0; level <= LEVELS_UP && inside(folder); level += 1) {
        folders.add(folder.toString());
        folder = vscode.Uri.joinPath(folder, '..');
      }
    }
    const found = await Promise.all([...folders].map((folder) => this.kustomizationIn(folder)));
    return found.filter((file): file is LintFile => file !== undefined && !open.has(file.path));
  }

  dispose(): void {
    for (const subscription of this.subscriptions ?? []) subscription.dispose();
    this.subscriptions = [];
  }

  private kustomizationIn(folder: string): Promise<LintFile | undefined> {
    let file = this.byFolder.get(folder);
    if (file === undefined) {
      file = read(vscode.Uri.parse(folder));
      this.byFolder.set(folder, file);
    }
    return file;
  }
}

async function read(folder: vscode.Uri): Promise<LintFile | undefined> {
  for (const name of NAMES) {
    const uri = vscode.Uri.joinPath(folder, name);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & vscode.FileType.File) === 0 || stat.size > MAX_BYTES) continue;
      return loadCoreModule().createLintFile(uri.toString(), new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      // No such file: the next name, or none.
    }
  }
  return undefined;
}
