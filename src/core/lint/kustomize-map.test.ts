import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile } from './engine.ts';
import { kustomizationEntries } from './kustomize-entries.ts';
import { type KustomizeNode, traceRenderedFindings } from './kustomize-map.ts';
import type { Finding, LintFile } from './types.ts';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - name: side\n        image: busybox:1.36\n      - name: web\n        image: nginx:1.27\n';
const strategic = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:latest\n';
const json6902 = '- op: replace\n  path: /spec/replicas\n  value: 5\n';
const overlayText = 'namePrefix: prod-\nnamespace: prod\nresources:\n- ../base\npatches:\n- path: "web patch.yaml"\n- path: replicas.yaml\n  target: {kind: Deployment, name: w.b}\nconfigMapGenerator:\n- name: settings\n  literals: [a=b]\n';
// What `kubectl kustomize overlay` prints for the files above: keys sorted, containers reordered by the merge.
const renderedText = [
  'apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: prod-settings-7hc2t6m5h8\n  namespace: prod\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: prod-web\n  namespace: prod\nspec:\n  replicas: 5\n  template:\n    spec:\n      containers:\n      - image: nginx:latest\n        name: web\n      - image: busybox:1.36\n        name: side\n',
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: stray\n',
].join('---\n');

const node = (file: LintFile, resources: KustomizeNode['resources'], patchFiles: [string, LintFile][] = []): KustomizeNode => ({ file, entries: kustomizationEntries(file), resources, patchFiles: new Map(patchFiles) });
const base = node(createLintFile('base/kustomization.yaml', 'resources:\n- deploy.yaml\n'), [createLintFile('base/deploy.yaml', deployment)]);
const overlayFile = createLintFile('overlay/kustomization.yaml', overlayText);
const overlay = node(overlayFile, [base], [
  ['web patch.yaml', createLintFile('overlay/web patch.yaml', strategic)],
  ['replicas.yaml', createLintFile('overlay/replicas.yaml', json6902)],
]);
const rendered = createLintFile('overlay/kustomization.yaml (rendered)', renderedText);

/** A finding on the rendered text at the n-th occurrence of `marker`. */
function findingAt(marker: string, occurrence = 0, ruleId = 'some-rule'): Finding {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) start = renderedText.indexOf(marker, start + 1);
  assert.ok(start >= 0, marker);
  return { ruleId, severity: 'warning', category: 'security', message: `at ${marker}`, path: rendered.path, range: { start, end: start + marker.length }, related: [], fix: { title: 'x', edits: [] }, alternatives: [] };
}

/** Where a finding lands: `path:line text-of-the-line`. */
function landing(finding: Finding, files: readonly LintFile[]): string {
  const [traced] = traceRenderedFindings([finding], [{ file: rendered, root: overlay }]);
  assert.ok(traced !== undefined);
  const file = files.find((candidate) => candidate.path === traced.path) as LintFile;
  const { line } = file.lines().position(traced.range.start);
  assert.equal(traced.fix, undefined, 'fix edits were offsets of the rendered text');
  return `${traced.path}:${line + 1} ${file.parsed.text.split('\n')[line]?.trim()}`;
}

const all = [overlayFile, base.file, ...base.resources, ...overlay.patchFiles.values()] as LintFile[];

describe('findings on a kustomization\'s rendered output, traced back', () => {
  it('a field the resource has as rendered lands on that field, list items matched by name', () => {
    assert.equal(landing(findingAt('image: busybox:1.36'), all), 'base/deploy.yaml:11 image: busybox:1.36');
    assert.equal(landing(findingAt('name: side'), all), 'base/deploy.yaml:10 - name: side');
  });

  it('the name and namespace kustomize rewrote land on the resource\'s name', () => {
    assert.equal(landing(findingAt('name: prod-web'), all), 'base/deploy.yaml:4 name: web');
  });

  it('a field a strategic merge patch or a JSON patch wrote lands on the kustomization\'s line naming the patch', () => {
    assert.equal(landing(findingAt('image: nginx:latest'), all), 'overlay/kustomization.yaml:6 - path: "web patch.yaml"');
    assert.equal(landing(findingAt('replicas: 5'), all), 'overlay/kustomization.yaml:7 - path: replicas.yaml');
  });

  it('a generated object lands on its generator, one that cannot be traced on the resources key', () => {
    assert.equal(landing(findingAt('a: b'), all), 'overlay/kustomization.yaml:10 - name: settings');
    assert.equal(landing(findingAt('name: stray'), all), 'overlay/kustomization.yaml:3 resources:');
  });

  it('a field neither the resource nor a patch has lands on the nearest field the resource has', () => {
    const text = renderedText.replace('spec:\n  replicas: 5\n', 'spec:\n  replicas: 5\n  paused: true\n');
    const file = createLintFile(rendered.path, text);
    const start = text.indexOf('paused');
    const finding = { ...findingAt('replicas: 5'), range: { start, end: start + 6 } };
    const [traced] = traceRenderedFindings([finding], [{ file, root: overlay }]);
    assert.equal(traced?.path, 'base/deploy.yaml');
    assert.equal(deployment.slice(traced.range.start, traced.range.end), 'spec');
  });

  it('keeps other findings, drops a repeat at the same place, traces related locations and sorts by place', () => {
    const other: Finding = { ...findingAt('name: stray'), path: 'a.yaml', range: { start: 3, end: 4 } };
    const related = { ...findingAt('image: busybox:1.36'), related: [{ path: rendered.path, range: findingAt('name: prod-web').range, message: 'first' }] };
    const traced = traceRenderedFindings([related, findingAt('image: busybox:1.36'), other], [{ file: rendered, root: overlay }]);
    assert.deepEqual(traced.map((finding) => finding.path), ['a.yaml', 'base/deploy.yaml']);
    assert.equal(traced[1]?.related[0]?.path, 'base/deploy.yaml');
    assert.equal(traced[0], other);
  });
});

describe('kustomization entries', () => {
  it('reads resources, patches of each spelling, generators and the name transformers with their places', () => {
    const file = createLintFile('k.yaml', 'bases: [b]\ncomponents: [c]\npatchesStrategicMerge:\n- p.yaml\n- |-\n  kind: X\npatchesJson6902:\n- target: {kind: A}\n  patch: "[]"\nsecretGenerator:\n- name: s\nnameSuffix: -x\n');
    const entries = kustomizationEntries(file);
    assert.deepEqual(entries.resources.map((entry) => entry.path), ['b', 'c']);
    assert.deepEqual(entries.patches.map((entry) => [entry.path, entry.inline, entry.target?.kind]), [['p.yaml', undefined, undefined], [undefined, 'kind: X', undefined], [undefined, '[]', 'A']]);
    assert.deepEqual(entries.generators.map((entry) => [entry.kind, file.parsed.text.slice(entry.range.start, entry.range.end)]), [['Secret', 's']]);
    assert.equal(entries.nameSuffix, '-x');
    assert.equal(file.parsed.text.slice(entries.fallback.start, entries.fallback.end), 'bases');
  });
});
