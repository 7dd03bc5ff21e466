import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile, lint } from './engine.ts';
import { hasKubernetesDocument } from './objects.ts';
import { allRules } from './rules/index.ts';
import schemaJson from './schema/kubernetes-schema.json' with { type: 'json' };
import type { SchemaSnapshot } from './schema/snapshot.ts';
import { findingsOf } from './testing/expect-rule.ts';

const privilegedPod = (extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop${extra}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: true\n`;

describe('lint engine', () => {
  it('gives every rule its metadata', () => {
    for (const rule of allRules) {
      assert.match(rule.id, /^[a-z]+(-[a-z0-9]+)*$/);
      assert.ok(rule.description.length > 10 && rule.why.length > 10 && rule.kinds.length > 0, rule.id);
    }
  });

  it('honours the ignore annotation and the disable-next-line comment', () => {
    assert.equal(findingsOf('privileged-container', privilegedPod()).length, 1);
    const annotated = privilegedPod('\n  annotations:\n    kube-workbench.io/ignore: "host-pid, privileged-container"');
    assert.equal(findingsOf('privileged-container', annotated).length, 0);
    const commented = privilegedPod().replace('      privileged: true', '      # kube-workbench-disable-next-line privileged-container\n      privileged: true');
    assert.equal(findingsOf('privileged-container', commented).length, 0);
    const allOff = privilegedPod().replace('      privileged: true', '      # kube-workbench-disable-next-line\n      privileged: true');
    assert.equal(findingsOf('privileged-container', allOff).length, 0);
    const other = privilegedPod().replace('      privileged: true', '      # kube-workbench-disable-next-line host-pid\n      privileged: true');
    assert.equal(findingsOf('privileged-container', other).length, 1);
  });

  it('applies configured severities and turns rules off', () => {
    assert.equal(findingsOf('privileged-container', privilegedPod(), { config: { rules: { 'privileged-container': 'hint' } } })[0]?.severity, 'hint');
    assert.equal(findingsOf('privileged-container', privilegedPod(), { config: { rules: { 'privileged-container': 'off' } } }).length, 0);
  });

  it('lints the items of a kind: List, with their own ranges', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a, namespace: x}\n  spec:\n    hostPID: true\n    containers: [{name: c, image: nginx:1}]\n';
    const [finding] = findingsOf('host-pid', text);
    assert.equal(text.slice(finding?.range.start, finding?.range.end), 'true');
  });

  it('tells Kubernetes files from other YAML by content', () => {
    assert.equal(hasKubernetesDocument(createLintFile('a.yaml', '# values\nreplicas: 2\n---\nkind: Pod\n')), false);
    assert.equal(hasKubernetesDocument(createLintFile('b.yaml', 'replicas: 2\n---\napiVersion: v1\nkind: Pod\n')), true);
  });

  it('lints across files, with related locations in the other file', () => {
    const first = createLintFile('a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: x}\n');
    const second = createLintFile('b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: x}\n');
    const findings = lint([first, second]).filter((finding) => finding.ruleId === 'duplicate-object');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.path, 'b.yaml');
    assert.equal(findings[0]?.related[0]?.path, 'a.yaml');
  });

  it('keeps ranges right in CRLF files with a BOM', () => {
    const text = `\uFEFF${privilegedPod().replaceAll('\n', '\r\n')}`;
    const file = createLintFile('crlf.yaml', text);
    const [finding] = lint([file]).filter((entry) => entry.ruleId === 'privileged-container');
    assert.equal(text.slice(finding?.range.start, finding?.range.end), 'true');
    assert.deepEqual(file.lines().position(finding?.range.start ?? 0), { line: 10, column: 18 });
  });

  it('builds insert fixes with the file\'s CRLF line breaks and its indentation', () => {
    const text = privilegedPod().replaceAll('\n', '\r\n');
    const [finding] = lint([createLintFile('crlf.yaml', text)]).filter((entry) => entry.ruleId === 'no-read-only-root-fs');
    const edit = finding?.fix?.edits[0];
    assert.ok(edit !== undefined);
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    assert.ok(fixed.endsWith('    securityContext:\r\n      privileged: true\r\n      readOnlyRootFilesystem: true\r\n'), JSON.stringify(fixed.slice(-120)));
    assert.equal(lint([createLintFile('fixed.yaml', fixed)]).filter((entry) => entry.ruleId === 'no-read-only-root-fs').length, 0);
  });
});

describe('lint engine on hostile input', () => {
  it('treats Object.prototype names as ordinary keys and kinds', () => {
    const text = [
      'apiVersion: constructor',
      'kind: constructor',
      'metadata: {name: x}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p, namespace: n, constructor: 1}',
      'spec: {toString: 2, __proto__: 3, containers: [{name: c, image: "nginx:1", hasOwnProperty: 1}]}',
      '---',
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: ws.e.com}',
      'spec:',
      '  group: e.com',
      '  names: {kind: W}',
      '  versions: [{name: v1, schema: {openAPIV3Schema: {type: object, properties: {constructor: {type: toString}, __proto__: {type: string}}}}}]',
      '---',
      'apiVersion: e.com/v1',
      'kind: W',
      'metadata: {name: w}',
      'constructor: 1',
      '__proto__: x',
    ].join('\n');
    const findings = lint([createLintFile('hostile.yaml', text)], { schema: schemaJson as SchemaSnapshot });
    const unknown = findings.filter((finding) => finding.ruleId === 'schema-unknown-field').map((finding) => text.slice(finding.range.start, finding.range.end));
    assert.deepEqual(unknown.sort(), ['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    assert.equal(findings.filter((finding) => finding.ruleId === 'unknown-kind').length, 1);
  });
});
