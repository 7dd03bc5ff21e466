// A kustomization's files as the editor reads them to trace a render: from disk, as kubectl read them,
// each a LintFile named by its URI (the key of the diagnostics) and read once per render.
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { LintFile, TreeIo } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';

export class DiskTree implements TreeIo {
  private readonly byReal = new Map<string, Promise<LintFile | undefined>>();

  /** `kustomization` is read already (from its document). */
  constructor(kustomization: LintFile) {
    this.byReal.set(real(vscode.Uri.parse(kustomization.path).fsPath), Promise.resolve(kustomization));
  }

  folderOf(file: LintFile): string {
    return dirname(vscode.Uri.parse(file.path).fsPath);
  }

  join(folder: string, path: string): string {
    return join(folder, path);
  }

  async kind(path: string): Promise<'file' | 'folder' | undefined> {
    const info = await stat(path).catch(() => undefined);
    return info?.isDirectory() === true ? 'folder' : info?.isFile() === true ? 'file' : undefined;
  }

  identity(file: LintFile): string {
    return real(vscode.Uri.parse(file.path).fsPath);
  }

  /** Every file read so far: the ones findings may be traced to. */
  async files(): Promise<LintFile[]> {
    return (await Promise.all(this.byReal.values())).filter((file): file is LintFile => file !== undefined);
  }

  file(path: string): Promise<LintFile | undefined> {
    const key = real(path);
    let file = this.byReal.get(key);
    if (file === undefined) {
      file = read(path);
      this.byReal.set(key, file);
    }
    return file;
  }
}

/** The file parsed, or undefined when it cannot be read or is larger than the parser takes (kubectl's render says why). */
async function read(path: string): Promise<LintFile | undefined> {
  const core = loadCoreModule();
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile() || info.size > core.maxFileChars) return undefined;
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : core.createLintFile(vscode.Uri.file(path).toString(), text);
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
