// A kustomization's tree as kustomize reads it: the resource files and the kustomizations of the folders
// it lists, and its patch files, each file read once. The reading is the caller's (core does no I/O): the
// CLI reads the disk with the paths it prints, the editor with URIs for its diagnostics.
import { isRemotePath, kustomizationEntries } from './kustomize-entries.ts';
import type { KustomizeNode } from './kustomize-map.ts';
import type { LintFile } from './types.ts';

export interface TreeIo {
  /** The folder of a file of the tree, as `join` takes it. */
  folderOf(file: LintFile): string;
  /** A path a kustomization writes, from its folder. */
  join(folder: string, path: string): string;
  kind(path: string): Promise<'file' | 'folder' | undefined>;
  /** The file at a path, parsed once; undefined when unreadable or too large (kubectl says why). */
  file(path: string): Promise<LintFile | undefined>;
  /** The same file gets the same key whatever the path to it (symbolic links resolved): cycles are found by it. */
  identity(file: LintFile): string;
}

/** Nested bases deeper than this are not followed (kustomize itself stops at cycles only). */
const maxDepth = 20;
const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export class KustomizeTrees {
  private readonly nodes = new Map<string, KustomizeNode>();
  private readonly building = new Set<string>();
  private readonly io: TreeIo;

  constructor(io: TreeIo) {
    this.io = io;
  }

  /** The kustomization's tree; undefined for one that lists itself through its resources (kubectl reports the cycle). */
  async node(file: LintFile, depth = 0): Promise<KustomizeNode | undefined> {
    const { io } = this;
    const key = io.identity(file);
    if (this.building.has(key)) return undefined;
    const known = this.nodes.get(key);
    if (known !== undefined) return known;
    this.building.add(key);
    const entries = kustomizationEntries(file);
    const folder = io.folderOf(file);
    const resources: (LintFile | KustomizeNode)[] = [];
    const patchFiles = new Map<string, LintFile>();
    for (const { path } of entries.resources) {
      if (isRemotePath(path)) continue;
      const target = io.join(folder, path);
      const kind = await io.kind(target);
      if (kind === 'folder') {
        const inner = depth >= maxDepth ? undefined : await this.innerKustomization(target);
        const innerNode = inner === undefined ? undefined : await this.node(inner, depth + 1);
        if (innerNode !== undefined) resources.push(innerNode);
      } else if (kind === 'file') {
        const resource = await io.file(target);
        if (resource !== undefined) resources.push(resource);
      }
    }
    for (const { path } of entries.patches) {
      const patch = path === undefined ? undefined : await io.file(io.join(folder, path));
      if (path !== undefined && patch !== undefined) patchFiles.set(path, patch);
    }
    this.building.delete(key);
    const node: KustomizeNode = { file, entries, resources, patchFiles };
    this.nodes.set(key, node);
    return node;
  }

  private async innerKustomization(folder: string): Promise<LintFile | undefined> {
    for (const name of kustomizationNames) {
      const path = this.io.join(folder, name);
      if ((await this.io.kind(path)) === 'file') return this.io.file(path);
    }
    return undefined;
  }
}

/** The resource and patch files of a tree, kustomizations left out. */
export function* treeFiles(node: KustomizeNode): Generator<LintFile> {
  yield* node.patchFiles.values();
  for (const resource of node.resources) {
    if ('entries' in resource) yield* treeFiles(resource);
    else yield resource;
  }
}

/** The kustomizations a tree lists below its root. */
export function* nestedKustomizations(node: KustomizeNode): Generator<LintFile> {
  for (const resource of node.resources) {
    if (!('entries' in resource)) continue;
    yield resource.file;
    yield* nestedKustomizations(resource);
  }
}
