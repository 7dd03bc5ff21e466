import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile } from '../lint/engine.ts';
import { kustomizationPaths } from './kustomize-paths.ts';

describe('paths a kustomization names', () => {
  it('reads quoted paths with spaces as YAML does, each range on the text without its quotes', () => {
    const text = 'resources:\n- "../base dir"\n- deploy.yaml\n- https://github.com/org/repo//base?ref=v1\n- github.com/org/repo/base\ncomponents: [\'./my component\']\npatches:\n- path: "web\\x20patch.yaml"\n  target: {kind: Deployment}\n- patch: |-\n    - op: remove\n      path: /spec/replicas\npatchesStrategicMerge:\n- plain patch.yaml\n';
    const paths = kustomizationPaths(createLintFile('file:///w/app/kustomization.yaml', text));
    assert.deepEqual(
      paths.map(({ path, range }) => [path, text.slice(range.start, range.end)]),
      [
        ['../base dir', '../base dir'],
        ['deploy.yaml', 'deploy.yaml'],
        ['./my component', './my component'],
        ['web patch.yaml', 'web\\x20patch.yaml'],
        ['plain patch.yaml', 'plain patch.yaml'],
      ],
    );
  });

  it('is empty for a file that names nothing, CRLF line ends kept in the ranges', () => {
    assert.deepEqual(kustomizationPaths(createLintFile('k.yaml', 'namePrefix: x-\n')), []);
    const crlf = 'resources:\r\n  - "a b.yaml"\r\n';
    const [entry] = kustomizationPaths(createLintFile('k.yaml', crlf));
    assert.equal(crlf.slice(entry?.range.start, entry?.range.end), 'a b.yaml');
  });
});
