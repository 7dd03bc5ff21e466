import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile, lint } from './engine.ts';
import { schemaRequiredField } from './rules/schema-required-field.ts';
import { yamlSyntax } from './rules/yaml-syntax.ts';
import { loadBundledSchema } from './schema/snapshot.ts';
import { joinPath } from './templates.ts';

const schema = await loadBundledSchema();
const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          resources: {limits: {memory: 1Gi}}\n';
const ids = (files: Parameters<typeof lint>[0]) => lint(files, { schema, rules: [schemaRequiredField, yamlSyntax] }).map((finding) => `${finding.path} ${finding.ruleId} ${finding.severity}`);

describe('kustomize patches and Helm templates', () => {
  it('a file a kustomization names as a patch has no missing required fields; the same file alone has', () => {
    const alone = ids([createLintFile('base/patch.yaml', patch)]);
    assert.ok(alone.length > 0 && alone.every((line) => line === 'base/patch.yaml schema-required-field error'), alone.join('\n'));
    const strategic = createLintFile('base/kustomization.yaml', 'resources: [app.yaml]\npatchesStrategicMerge:\n  - ./patch.yaml\n');
    assert.deepEqual(ids([strategic, createLintFile('base/patch.yaml', patch)]), []);
    const patches = createLintFile('file:///w/overlays/prod/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n  - path: ../../patches/web.yaml\n    target: {kind: Deployment}\n');
    assert.deepEqual(ids([patches, createLintFile('file:///w/patches/web.yaml', patch)]), []);
    assert.equal(ids([patches, createLintFile('file:///w/other/web.yaml', patch)]).length, alone.length, 'a file it does not name');
  });

  it('a patch whose name has a space (a quoted YAML string) is found under its percent-encoded URI', () => {
    const alone = ids([createLintFile('file:///w/my%20app/web-patch.yaml', patch)]);
    const spaced = createLintFile('file:///w/my%20app/kustomization.yaml', 'resources: [app.yaml]\npatches:\n  - path: "web patch.yaml"\npatchesStrategicMerge:\n  - \'../shared/x%y patch.yaml\'\n');
    assert.deepEqual(ids([spaced, createLintFile('file:///w/my%20app/web%20patch.yaml', patch), createLintFile('file:///w/shared/x%25y%20patch.yaml', patch)]), []);
    assert.equal(ids([spaced, createLintFile('file:///w/my%20app/web-patch.yaml', patch)]).length, alone.length, 'another file');
    const plain = createLintFile('k/kustomization.yaml', 'patches:\n  - path: 100%20.yaml\n');
    assert.equal(ids([plain, createLintFile('k/100 .yaml', patch)]).length, alone.length, 'a plain path is not decoded');
    assert.deepEqual(ids([plain, createLintFile('k/100%20.yaml', patch)]), []);
  });

  it('a Helm template gets one info and nothing else; Go templates in a ConfigMap\'s data are data', () => {
    const helm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n{{- if .Values.extra }}\ndata: {}\n{{- end }}\n';
    assert.deepEqual(ids([createLintFile('templates/cm.yaml', helm)]), ['templates/cm.yaml yaml-syntax info']);
    const quoted = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: '{{ include \"app.name\" . }}'\nspec: {}\n";
    assert.deepEqual(ids([createLintFile('templates/d.yaml', quoted)]), ['templates/d.yaml yaml-syntax info']);
    const alerts = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  rule: "{{ $labels.instance }} is down"\n';
    assert.deepEqual(ids([createLintFile('alerts.yaml', alerts)]), []);
    assert.deepEqual(ids([createLintFile('broken.yaml', 'kind: A\nname: {{uid}}\n')]), ['broken.yaml yaml-syntax error'], 'placeholders that are not Helm\'s');
    const [info] = lint([createLintFile('templates/cm.yaml', helm)], { rules: [yamlSyntax] });
    assert.equal(helm.slice(info?.range.start, info?.range.end), '{{ .Values.name }}');
  });

  it('joins relative paths of files and URIs', () => {
    assert.equal(joinPath('file:///w/a/b', '../c/./d.yaml'), 'file:///w/a/c/d.yaml');
    assert.equal(joinPath('k', 'p.yaml'), 'k/p.yaml');
    assert.equal(joinPath('C:\\w\\k', '..\\p.yaml'), 'C:/w/p.yaml');
  });
});
