import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kustomizePathCompletions, kustomizePathRequest, type DirectoryEntry } from './kustomize-path-completion.ts';

const listing: DirectoryEntry[] = [
  { name: 'base', folder: true },
  { name: 'deploy.yaml', folder: false },
  { name: 'service.yml', folder: false },
  { name: 'crd.json', folder: false },
  { name: 'app.properties', folder: false },
  { name: 'kustomization.yaml', folder: false },
  { name: '.env', folder: false },
  { name: '.git', folder: true },
];

/** The request at the `‸` of a text (the marker removed), with the text it replaces. */
function at(marked: string): { folder: string; replaced: string; labels: string[] } | undefined {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const request = kustomizePathRequest(text, offset);
  if (request === undefined) return undefined;
  const labels = kustomizePathCompletions(request, listing).map((entry) => entry.label);
  return { folder: request.folder, replaced: text.slice(request.name.start, request.name.end), labels };
}

describe('kustomization path completion', () => {
  it('in resources: folders first with a slash, then manifests; not other files, hidden ones or the kustomization itself', () => {
    assert.deepEqual(at('resources:\n- ‸\n'), { folder: '', replaced: '', labels: ['base/', 'deploy.yaml', 'service.yml', 'crd.json'] });
  });

  it('lists the folder typed so far and replaces only the name after it, to the end of the value', () => {
    assert.deepEqual(at('resources:\n  - ../base/de‸ploy.yaml\n'), { folder: '../base/', replaced: 'deploy.yaml', labels: ['base/', 'deploy.yaml', 'service.yml', 'crd.json'] });
  });

  it('inside a quoted path with a space, and in a flow list', () => {
    assert.equal(at('patchesStrategicMerge:\n- "web p‸"\n')?.replaced, 'web p');
    assert.deepEqual(at('resources: [a.yaml, sub/b‸]\n'), { folder: 'sub/', replaced: 'b', labels: ['base/', 'deploy.yaml', 'service.yml', 'crd.json'] });
  });

  it('a patch item’s path, at any place in the item, CRLF line ends included', () => {
    assert.equal(at('patches:\n- path: pa‸\n  target:\n    kind: Deployment\n')?.replaced, 'pa');
    assert.deepEqual(at('patches:\r\n  - target:\r\n      kind: X\r\n    path: we‸b.yaml\r\n'), { folder: '', replaced: 'web.yaml', labels: ['base/', 'deploy.yaml', 'service.yml', 'crd.json'] });
  });

  it('components take folders only; crds take manifests', () => {
    assert.deepEqual(at('components:\n- ‸\n')?.labels, ['base/']);
    assert.deepEqual(at('crds:\n- ‸')?.labels, ['base/', 'deploy.yaml', 'service.yml', 'crd.json']);
  });

  it('a generator’s files and envs take any file, after the key of `key=path`; a typed dot shows hidden files', () => {
    assert.deepEqual(at('configMapGenerator:\n- name: c\n  files:\n  - conf=‸\n')?.labels, ['base/', 'deploy.yaml', 'service.yml', 'crd.json', 'app.properties']);
    const envs = at('secretGenerator:\n- name: s\n  envs:\n  - .‸\n');
    assert.equal(envs?.replaced, '.');
    assert.ok(envs?.labels.includes('.env') && envs.labels.includes('.git/'), envs?.labels.join(', '));
  });

  it('folders ask for completion again; files do not', () => {
    const request = kustomizePathRequest('resources:\n- ', 13);
    assert.ok(request);
    const entries = kustomizePathCompletions(request, listing);
    assert.deepEqual(entries.filter((entry) => entry.retrigger).map((entry) => entry.kind), ['folder']);
    assert.deepEqual([...entries].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((entry) => entry.label)[0], 'base/');
  });

  it('leaves out what the list already names, but not the item being typed', () => {
    assert.deepEqual(at('resources:\n- deploy.yaml\n- ./base/\n- ‸\n')?.labels, ['service.yml', 'crd.json']);
    assert.deepEqual(at('resources:\n- deploy.ya‸ml\n')?.labels, ['base/', 'deploy.yaml', 'service.yml', 'crd.json']);
    assert.deepEqual(at('patches:\n- path: deploy.yaml\n- path: ‸\n')?.labels, ['base/', 'service.yml', 'crd.json']);
  });

  it('quotes a path plain YAML cannot hold, and escapes a name inside quotes', () => {
    const odd: DirectoryEntry[] = [{ name: '[x].yaml', folder: false }, { name: 'it\'s "a".yaml', folder: false }, { name: '#conf', folder: false }];
    const entries = (marked: string) => {
      const offset = marked.indexOf('‸');
      const text = marked.slice(0, offset) + marked.slice(offset + 1);
      const request = kustomizePathRequest(text, offset);
      assert.ok(request, marked);
      return kustomizePathCompletions(request, odd).map((entry) => ({ insert: entry.insertText, replaced: text.slice(entry.range.start, entry.range.end), filter: entry.filterText }));
    };
    assert.deepEqual(entries('resources:\n- sub/‸\n')[0], { insert: '"sub/[x].yaml"', replaced: 'sub/', filter: 'sub/[x].yaml' });
    assert.deepEqual(entries('resources:\n- "‸"\n')[1], { insert: 'it\'s \\"a\\".yaml', replaced: '', filter: undefined });
    assert.deepEqual(entries("resources:\n- '‸'\n")[1], { insert: 'it\'\'s "a".yaml', replaced: '', filter: undefined });
    assert.deepEqual(entries('configMapGenerator:\n- name: c\n  files:\n  - conf=‸\n')[2], { insert: '"conf=#conf"', replaced: 'conf=', filter: 'conf=#conf' });
    assert.equal(entries('resources:\n- ‸\n')[1]?.insert, 'it\'s "a".yaml', 'quotes inside a plain value are plain text');
  });

  it('nothing for other keys, a name field, remote bases or absolute paths', () => {
    const none = ['namePrefix: ‸\n', 'configMapGenerator:\n- name: ‸\n', 'patches:\n- target:\n    name: ‸\n', 'resources:\n- https://github.com/org/repo//‸\n', 'resources:\n- github.com/org/repo/‸\n', 'resources:\n- /etc/‸\n'];
    for (const marked of none) assert.equal(at(marked), undefined, marked);
  });
});
