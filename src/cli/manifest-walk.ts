// The manifests under a folder, for `lint DIR`: *.yaml and *.yml, node_modules and .git left out.
// Symbolic links are followed, but no folder and no file is visited twice (by real path, as
// linters do), so a linked folder is not linted again and a link loop ends. Synchronous calls: the
// walk is sequential anyway, and node:fs/promises costs a small lint run ~10 ms to load.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

const manifestExtension = /\.ya?ml$/i;
const skippedFolders = new Set(['node_modules', '.git']);

/** Real paths already visited, shared by every input of one run. */
export interface Visited {
  readonly folders: Set<string>;
  readonly files: Set<string>;
}

export function newVisited(): Visited {
  return { folders: new Set(), files: new Set() };
}

/** Whether the file at `path` (real path `real`) is seen for the first time. */
export function firstVisit(visited: Visited, real: string): boolean {
  if (visited.files.has(real)) return false;
  visited.files.add(real);
  return true;
}

/** The manifests under `root` as `root`-prefixed paths, sorted; an unreadable subfolder is skipped. */
export function walkManifests(root: string, visited: Visited): string[] {
  const found: string[] = [];
  // Iterative, so a deep tree cannot exhaust the stack.
  const pending: { path: string; real: string }[] = [];
  const enter = (path: string, real: string): void => {
    if (visited.folders.has(real)) return;
    visited.folders.add(real);
    pending.push({ path, real });
  };
  enter(root, realpathSync(root));
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = tryOr(() => readdirSync(folder.path, { withFileTypes: true }), []);
    for (const entry of entries) {
      if (skippedFolders.has(entry.name)) continue;
      const path = join(folder.path, entry.name);
      if (entry.isSymbolicLink()) {
        // A dangling link or one into an unreadable place is left out, as a missing file would be.
        const target = tryOr(() => statSync(path), undefined);
        const real = tryOr(() => realpathSync(path), undefined);
        if (target === undefined || real === undefined) continue;
        if (target.isDirectory()) enter(path, real);
        else if (target.isFile() && manifestExtension.test(entry.name) && firstVisit(visited, real)) found.push(path);
      } else if (entry.isDirectory()) {
        enter(path, join(folder.real, entry.name));
      } else if (entry.isFile() && manifestExtension.test(entry.name) && firstVisit(visited, join(folder.real, entry.name))) {
        found.push(path);
      }
    }
  }
  return found.sort();
}

/** `read()`, or `fallback` when it throws (an unreadable folder, a dangling link). */
function tryOr<T, F>(read: () => T, fallback: F): T | F {
  try {
    return read();
  } catch {
    return fallback;
  }
}
