// `lint DIR` over kustomizations: each root kustomization of the inputs (one no other one lists) is
// rendered by `kubectl kustomize`, and its output is linted instead of the files it was built from, so
// findings speak of what reaches the cluster; they are then traced back to those files. Without
// kubectl, or when a render fails, the files are linted as they are, after one line saying why.
import { realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createLintFile } from '../core/lint/engine.ts';
import { type KustomizeNode, type RenderedKustomization, traceRenderedFindings } from '../core/lint/kustomize-map.ts';
import { KustomizeTrees, nestedKustomizations, treeFiles, type TreeIo } from '../core/lint/kustomize-tree.ts';
import { isKustomizationPath } from '../core/lint/templates.ts';
import type { Finding, LintFile } from '../core/lint/types.ts';
import type { CliIo } from './main.ts';
import { renderKustomization } from '../cluster/kustomize-render.ts';
import { MAX_MANIFEST_BYTES, readFileCapped } from './read-input.ts';

export interface KustomizeLint {
  /** The file set to lint: the inputs, with each rendered kustomization's files replaced by its output. */
  readonly files: readonly LintFile[];
  /** Every file findings may be traced to (bases outside the inputs included). */
  readonly sources: readonly LintFile[];
  readonly trace: (findings: readonly Finding[]) => Finding[];
}

export interface KustomizeOptions {
  readonly cwd: string;
  /** The kubectl executable ('kubectl': found on PATH). */
  readonly kubectl: string;
  readonly io: CliIo;
  readonly signal?: AbortSignal;
}

const renderTimeoutMs = 60_000;

export async function lintKustomizations(files: readonly LintFile[], options: KustomizeOptions): Promise<KustomizeLint> {
  const reader = new TreeReader(options.cwd, files);
  const builder = new KustomizeTrees(reader);
  const trees = new Map<string, KustomizeNode>();
  for (const file of files) {
    const tree = file.path !== '<stdin>' && isKustomizationPath(file.path) ? await builder.node(file) : undefined;
    if (tree !== undefined) trees.set(reader.real(file.path), tree);
  }
  const nested = new Set([...trees.values()].flatMap((tree) => [...nestedKustomizations(tree)].map((file) => reader.real(file.path))));
  const rendered: RenderedKustomization[] = [];
  const covered = new Set<LintFile>();
  for (const [real, root] of trees) {
    if (nested.has(real)) continue;
    const result = await renderKustomization(dirname(resolve(options.cwd, root.file.path)), { command: options.kubectl, timeoutMs: renderTimeoutMs, maxBytes: MAX_MANIFEST_BYTES, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    if (!result.ok) {
      options.io.stderr(result.missing ? `kube-workbench lint: ${result.reason}: kustomizations are linted as their files, not rendered\n` : `${root.file.path}: not rendered (${result.reason}): its files are linted as they are\n`);
      if (result.missing) break;
      continue;
    }
    rendered.push({ file: createLintFile(`${root.file.path} (rendered)`, result.text), root });
    for (const file of treeFiles(root)) covered.add(file);
  }
  return {
    files: [...files.filter((file) => !covered.has(file)), ...rendered.map(({ file }) => file)],
    sources: reader.read(),
    trace: (findings) => (rendered.length === 0 ? [...findings] : traceRenderedFindings(findings, rendered)),
  };
}

/** Reads the files a kustomization names, each once (the inputs' own parse reused), paths shown as the CLI shows them. */
class TreeReader implements TreeIo {
  private readonly byReal = new Map<string, LintFile>();
  private readonly cwd: string;

  constructor(cwd: string, inputs: readonly LintFile[]) {
    this.cwd = cwd;
    for (const file of inputs) if (file.path !== '<stdin>') this.byReal.set(this.real(file.path), file);
  }

  real(path: string): string {
    const absolute = resolve(this.cwd, path);
    try {
      return realpathSync(absolute);
    } catch {
      return absolute;
    }
  }

  read(): LintFile[] {
    return [...this.byReal.values()];
  }

  folderOf(file: LintFile): string {
    return dirname(resolve(this.cwd, file.path));
  }

  join(folder: string, path: string): string {
    return join(folder, path);
  }

  async kind(path: string): Promise<'file' | 'folder' | undefined> {
    const info = statSync(path, { throwIfNoEntry: false });
    return info?.isDirectory() === true ? 'folder' : info?.isFile() === true ? 'file' : undefined;
  }

  identity(file: LintFile): string {
    return this.real(file.path);
  }

  /** The file at an absolute path, parsed once; undefined when unreadable or too large (kubectl says why). */
  async file(absolute: string): Promise<LintFile | undefined> {
    const real = this.real(absolute);
    const known = this.byReal.get(real);
    if (known !== undefined) return known;
    const text = await readFileCapped(absolute, MAX_MANIFEST_BYTES).catch(() => undefined);
    if (text === undefined) return undefined;
    const file = createLintFile(relative(this.cwd, absolute) || absolute, text);
    this.byReal.set(real, file);
    return file;
  }
}
