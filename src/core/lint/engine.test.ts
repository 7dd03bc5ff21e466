import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile, lint } from './engine.ts';
import { builtInKinds, isAnyKind } from './kinds.ts';
import { hasKubernetesDocument, objectsOf } from './objects.ts';
import { allRules } from './rules/index.ts';
import schemaJson from './schema/kubernetes-schema.json' with { type: 'json' };
import type { SchemaSnapshot } from './schema/snapshot.ts';
import { findingsOf } from './testing/expect-rule.ts';
import type { KubeObject, ObjectRule, Rule, RuleContext } from './types.ts';

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

/**
 * One object of every built-in kind (List aside: it is unwrapped), a custom resource, one whose custom
 * kind shares a built-in name, and one without kind; each with a pod template wherever a kind keeps one.
 */
function everyKindFixture(): string {
  const pod = '{containers: [{name: app, image: nginx, resources: {requests: {cpu: "64", memory: 1Ti}}}]}';
  const body = `metadata: {name: x}\nspec: {containers: [{name: app, image: nginx}], template: {spec: ${pod}}, jobTemplate: {spec: {template: {spec: ${pod}}}}}`;
  const pairs = [...builtInKinds.keys()].map((key) => key.split(' ')).filter(([, kind]) => kind !== 'List');
  pairs.push(['example.com/v1', 'Widget'], ['example.com/v1', 'Deployment']);
  return [...pairs.map(([apiVersion, kind]) => `apiVersion: ${apiVersion}\nkind: ${kind}\n${body}`), `apiVersion: v1\n${body}`].join('\n---\n');
}

describe('lint engine kind filter', () => {
  const file = createLintFile('every-kind.yaml', everyKindFixture());
  const cluster = { largestNodeAllocatable: { cpu: '4', memory: '16Gi' } };
  const known = new Set([...builtInKinds.keys()].map((key) => key.split(' ')[1]));
  const calls = new Map<string, (string | undefined)[]>();
  const strays: string[] = [];
  const spy = (rule: ObjectRule): ObjectRule => ({
    ...rule,
    *checkObject(object: KubeObject, context: RuleContext) {
      calls.set(rule.id, [...(calls.get(rule.id) ?? []), object.kind]);
      for (const report of rule.checkObject(object, context)) {
        if (report.object !== object) strays.push(`${rule.id} reported on ${report.object?.kind ?? 'no object'} while checking ${object.kind ?? '(no kind)'}`);
        yield report;
      }
    },
  });
  const objectRules = allRules.filter((rule): rule is ObjectRule => 'checkObject' in rule);
  const findings = lint([file], { rules: allRules.map((rule) => ('checkObject' in rule ? spy(rule) : rule)), cluster, schema: schemaJson as SchemaSnapshot, profile: 'all' });

  it('calls each rule on exactly the objects of its kinds, custom resources by kind name, and reports on those', () => {
    const kinds = objectsOf(file).map((object) => object.kind);
    assert.ok(kinds.length > 60 && kinds.includes(undefined) && findings.length > 100, `${kinds.length} objects, ${findings.length} findings`);
    for (const rule of objectRules) {
      const want = kinds.filter((kind) => isAnyKind(rule.kinds) || rule.kinds.includes(kind ?? ''));
      assert.ok(want.length > 0, rule.id);
      assert.deepEqual(calls.get(rule.id), want, rule.id);
    }
    assert.deepEqual(calls.get('no-anti-affinity'), ['Deployment', 'StatefulSet', 'Deployment'], 'the custom Deployment too, as before');
    assert.deepEqual(strays, []);
  });

  it('names only real kinds, and keeps whole-file-set checks to rules of any kind', () => {
    for (const rule of allRules) {
      if (isAnyKind(rule.kinds)) assert.equal(rule.kinds.length, 1, rule.id);
      else assert.deepEqual(rule.kinds.filter((kind) => !known.has(kind)), [], rule.id);
    }
    const fileSetRules = allRules.filter((rule) => !('checkObject' in rule));
    assert.deepEqual(fileSetRules.filter((rule) => !isAnyKind(rule.kinds)).map((rule) => rule.id), []);
  });

  it('computes a derived value once per lint run, for every rule and object that asks', () => {
    let computed = 0;
    const count = () => (computed += 1);
    const asker = (id: string): Rule => ({
      id,
      category: 'schema',
      severity: 'info',
      kinds: ['ConfigMap'],
      description: 'Asks for the count.',
      why: 'Counts the computations.',
      checkObject(_object, context) {
        context.derived(count);
        return [];
      },
    });
    const configMaps = createLintFile('c.yaml', 'kind: ConfigMap\n---\nkind: ConfigMap\n---\nkind: Secret\n');
    lint([configMaps], { rules: [asker('a'), asker('b')] });
    assert.equal(computed, 1);
    lint([configMaps], { rules: [asker('a')] });
    assert.equal(computed, 2);
  });
});
