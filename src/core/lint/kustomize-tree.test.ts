import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile } from './engine.ts';
import { KustomizeTrees, nestedKustomizations, treeFiles, type TreeIo } from './kustomize-tree.ts';
import type { KustomizeNode } from './kustomize-map.ts';
import type { LintFile } from './types.ts';

/** A tree of files in memory: paths with `/`, folders implied by the files under them. */
function memoryIo(files: Record<string, string>): TreeIo {
  const parsed = new Map<string, LintFile>();
  return {
    folderOf: (file) => file.path.slice(0, file.path.lastIndexOf('/')),
    join: (folder, path) =>
      path.split('/').reduce((at, step) => (step === '..' ? at.slice(0, at.lastIndexOf('/')) : step === '.' || step === '' ? at : `${at}/${step}`), folder),
    kind: async (path) => (path in files ? 'file' : Object.keys(files).some((name) => name.startsWith(`${path}/`)) ? 'folder' : undefined),
    file: async (path) => {
      if (!(path in files)) return undefined;
      if (!parsed.has(path)) parsed.set(path, createLintFile(path, files[path]!));
      return parsed.get(path);
    },
    identity: (file) => file.path,
  };
}

/** The tree of the kustomization at `root` among `files`, and the builder that read it. */
async function treeOf(files: Record<string, string>, root: string): Promise<{ trees: KustomizeTrees; node: KustomizeNode | undefined; io: TreeIo }> {
  const io = memoryIo(files);
  const trees = new KustomizeTrees(io);
  return { trees, io, node: await trees.node((await io.file(root))!) };
}

describe('kustomization trees', () => {
  it('reads resources, the kustomizations of folders and patch files; remote bases and missing files are left out', async () => {
    const files = {
      'w/base/kustomization.yaml': 'resources:\n- deploy.yaml\n- missing.yaml\n',
      'w/base/deploy.yaml': 'kind: Deployment\n',
      'w/overlay/kustomization.yaml': 'resources:\n- ../base\n- https://github.com/org/repo//x?ref=v1\n- svc.yaml\npatches:\n- path: p.yaml\n',
      'w/overlay/svc.yaml': 'kind: Service\n',
      'w/overlay/p.yaml': 'kind: Deployment\n',
    };
    const { node: tree } = await treeOf(files, 'w/overlay/kustomization.yaml');
    assert.ok(tree);
    assert.deepEqual([...treeFiles(tree)].map((file) => file.path), ['w/overlay/p.yaml', 'w/base/deploy.yaml', 'w/overlay/svc.yaml']);
    assert.deepEqual([...nestedKustomizations(tree)].map((file) => file.path), ['w/base/kustomization.yaml']);
  });

  it('stops at a kustomization that lists itself through a base, and reads a base two overlays share once', async () => {
    const files = { 'w/a/kustomization.yaml': 'resources:\n- ../b\n', 'w/b/kustomization.yaml': 'resources:\n- ../a\n- ../c\n', 'w/c/kustomization.yaml': 'resources:\n- x.yaml\n', 'w/c/x.yaml': 'kind: ConfigMap\n' };
    const { trees, io, node: a } = await treeOf(files, 'w/a/kustomization.yaml');
    assert.deepEqual([...nestedKustomizations(a!)].map((file) => file.path), ['w/b/kustomization.yaml', 'w/c/kustomization.yaml']);
    const c = await trees.node((await io.file('w/c/kustomization.yaml'))!);
    const b = a!.resources[0];
    assert.ok(b !== undefined && 'entries' in b);
    assert.equal(b.resources[0], c, 'the same node, not read again');
  });
});
