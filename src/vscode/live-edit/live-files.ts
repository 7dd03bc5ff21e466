// The kubernetes: file system of live objects (live-file-system.ts), saved back through save-flow.ts.
// Registered at activation, so that VS Code can reopen a live document it restores; the Edit and Save
// as Manifest commands that open them are in live-edit-commands.ts.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { CommandUi } from '../commands/command-ui.ts';
import type { Target } from '../commands/object-targets.ts';
import { ReadOnlyDocuments } from '../commands/read-only-documents.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { LIVE_DIFF_SCHEME, LIVE_SCHEME } from '../ids.ts';
import { LiveFileSystem, type LiveEntry } from './live-file-system.ts';
import { liveTarget } from './live-uri.ts';
import { saveLive, type SaveDeps } from './save-flow.ts';

type Json = Record<string, unknown>;

/** Why the user may not update the object (the review's answer names the verb), or undefined. */
export async function readOnlyReason(clusters: ClusterServiceHolder, target: Target): Promise<string | undefined> {
  const allowed = await clusters.get().connect(target.context)?.operations.access(target.ref, 'update');
  return allowed === undefined || allowed.ok ? undefined : allowed.error.message;
}

/** Reads an object whose document VS Code reopened without the Edit command (a Secret stays encoded). */
async function loadEntry(clusters: ClusterServiceHolder, uri: vscode.Uri): Promise<Omit<LiveEntry, 'mtime'>> {
  const target = liveTarget(uri);
  const read = target === undefined ? undefined : await clusters.get().connect(target.context)?.operations.get(target.ref);
  if (target === undefined || read === undefined || !read.ok) throw vscode.FileSystemError.FileNotFound(uri);
  return { opened: read.value as Json, decoded: false, readOnly: await readOnlyReason(clusters, target) };
}

export function registerLiveFiles(clusters: ClusterServiceHolder, lint: LintController, ui: CommandUi): { files: LiveFileSystem; disposable: vscode.Disposable } {
  const diffs = new ReadOnlyDocuments(LIVE_DIFF_SCHEME);
  const deps: SaveDeps = { ui, lint, diffs };
  const files = new LiveFileSystem({
    load: async (uri) => ({ ...(await loadEntry(clusters, uri)), mtime: Date.now() }),
    save: async (uri, entry, text) => {
      const target = liveTarget(uri);
      const connection = target === undefined ? undefined : clusters.get().connect(target.context);
      if (target === undefined || connection === undefined) throw vscode.FileSystemError.Unavailable(uri);
      return saveLive(deps, connection, target, entry, text, uri);
    },
  });
  return {
    files,
    disposable: vscode.Disposable.from(diffs, files, vscode.workspace.registerFileSystemProvider(LIVE_SCHEME, files, { isCaseSensitive: true })),
  };
}
