// The local paths a kustomization names, for links in the editor: each as YAML reads it (quotes and
// escapes resolved, so `"web patch.yaml"` is the file with a space) and where its text sits.
import { isRemotePath, kustomizationEntries } from '../lint/kustomize-entries.ts';
import type { LintFile } from '../lint/types.ts';
import type { Range } from '../yaml/types.ts';

export interface KustomizePath {
  /** Relative to the kustomization's folder, as written; a folder names that folder's kustomization. */
  readonly path: string;
  /** The path's text, quotes left out. */
  readonly range: Range;
}

/** The resources, bases, components and patch files a kustomization names, in the file's order. */
export function kustomizationPaths(file: LintFile): KustomizePath[] {
  const { text } = file.parsed;
  const entries = kustomizationEntries(file);
  const named = [...entries.resources, ...entries.patches.flatMap(({ path, range }) => (path === undefined ? [] : [{ path, range }]))];
  return named
    .filter(({ path }) => path.trim() !== '' && !isRemotePath(path))
    .map(({ path, range }) => {
      const quoted = range.end - range.start >= 2 && /^["']$/.test(text[range.start] ?? '') && text[range.end - 1] === text[range.start];
      return { path, range: quoted ? { start: range.start + 1, end: range.end - 1 } : range };
    })
    .sort((a, b) => a.range.start - b.range.start);
}
