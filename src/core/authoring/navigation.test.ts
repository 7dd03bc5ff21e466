import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile } from '../lint/engine.ts';
import type { LintFile } from '../lint/types.ts';
import { Navigation, type Place } from './navigation.ts';

const app = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web, namespace: shop}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web, tier: front}}',
  '    spec:',
  '      serviceAccountName: runner',
  '      containers:',
  '        - name: web',
  '          envFrom:',
  '            - configMapRef:',
  '                name: settings',
  '          env:',
  '            - name: TOKEN',
  '              valueFrom: {secretKeyRef: {name: token, key: t}}',
  '      volumes:',
  '        - name: data',
  '          persistentVolumeClaim: {claimName: data}',
  '        - name: conf',
  '          configMap: {name: settings}',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: web, namespace: shop}',
  'spec:',
  '  selector:',
  '    app: web',
  '---',
  'apiVersion: policy/v1',
  'kind: PodDisruptionBudget',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchExpressions: [{key: tier, operator: In, values: [front]}]}',
  '---',
  'apiVersion: autoscaling/v2',
  'kind: HorizontalPodAutoscaler',
  'metadata: {name: web, namespace: shop}',
  'spec:',
  '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata: {name: web, namespace: shop}',
  'spec:',
  '  rules:',
  '    - http:',
  '        paths:',
  '          - backend: {service: {name: web, port: {number: 80}}}',
  '',
].join('\n');

const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: other\n';

function files(text = app, other = config): LintFile[] {
  return [createLintFile('app.yaml', text), createLintFile('config.yaml', other)];
}

/** The offset of the `nth` occurrence of `needle` plus `shift` characters. */
function offsetOf(text: string, needle: string, shift = 0, nth = 1): number {
  let offset = -1;
  for (let seen = 0; seen < nth; seen += 1) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, needle);
  return offset + shift;
}

/** Places as `path:text at the range` (lines for the object definitions, which point at names). */
function shown(set: readonly LintFile[], places: readonly Place[]): string[] {
  return places.map((entry) => {
    const text = set.find((file) => file.path === entry.path)!.parsed.text;
    return `${entry.path}:${text.slice(entry.range.start, entry.range.end)}@${text.slice(0, entry.range.start).split(/\r?\n/).length}`;
  });
}

describe('navigation: definitions', () => {
  const set = files();
  const navigation = new Navigation(set);
  const at = (needle: string, shift = 0, nth = 1) => shown(set, navigation.definitions('app.yaml', offsetOf(app, needle, shift, nth)));

  it('goes from configMapRef.name and a volume\'s configMap to the ConfigMaps that may share the namespace', () => {
    assert.deepEqual(at('name: settings', 8), ['config.yaml:settings@4']);
    assert.deepEqual(at('name: settings', 2), ['config.yaml:settings@4'], 'on the key too');
    assert.deepEqual(at('{name: settings}', 10), ['config.yaml:settings@4']);
  });

  it('goes from secretKeyRef, the claim, the HPA\'s target and the Ingress backend; missing ones give nothing', () => {
    assert.deepEqual(at('name: token', 7), ['config.yaml:token@9']);
    assert.deepEqual(at('claimName: data', 12), []);
    assert.deepEqual(at('kind: Deployment, name: web', 24), ['app.yaml:web@3']);
    assert.deepEqual(at('service: {name: web', 17), ['app.yaml:web@26']);
    assert.deepEqual(at('serviceAccountName: runner', 20), []);
  });

  it('goes from a Service\'s, a PDB\'s selector to the workloads it selects, and not from other fields', () => {
    assert.deepEqual(at('    app: web', 6, 1), ['app.yaml:web@3']);
    assert.deepEqual(at('  selector:\n    app', 3), ['app.yaml:web@3']);
    assert.deepEqual(at('values: [front]', 10), ['app.yaml:web@3']);
    assert.deepEqual(at('matchLabels: {app: web}', 15), [], 'a Deployment\'s own selector');
    assert.deepEqual(at('apiVersion: v1', 3), []);
  });

  it('gives the same places in a CRLF file and with the workload in a second document', () => {
    const crlf = app.replaceAll('\n', '\r\n');
    const crlfSet = files(crlf, config.replaceAll('\n', '\r\n'));
    const crlfNavigation = new Navigation(crlfSet);
    assert.deepEqual(shown(crlfSet, crlfNavigation.definitions('app.yaml', offsetOf(crlf, 'name: settings', 8))), ['config.yaml:settings@4']);
    const moved = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n---\n${app}`;
    const movedSet = files(moved);
    assert.deepEqual(shown(movedSet, new Navigation(movedSet).definitions('app.yaml', offsetOf(moved, 'service: {name: web', 17))), ['app.yaml:web@30']);
  });
});

describe('navigation: references and lenses', () => {
  const set = files();
  const navigation = new Navigation(set);

  it('finds what names a ConfigMap, with or without its declaration', () => {
    const text = set[1]!.parsed.text;
    assert.deepEqual(shown(set, navigation.references('config.yaml', offsetOf(text, 'settings', 2), false)), ['app.yaml:settings@14', 'app.yaml:settings@22']);
    assert.equal(navigation.references('config.yaml', offsetOf(text, 'settings', 2), true).length, 3);
    assert.deepEqual(navigation.references('config.yaml', offsetOf(text, 'kind', 0), false), [], 'only from the name');
    assert.deepEqual(navigation.references('config.yaml', offsetOf(text, 'settings', 2, 2), false), [], 'the other namespace\'s is not named');
  });

  it('finds the selectors, the HPA and the backend naming a workload and a Service', () => {
    assert.deepEqual(shown(set, navigation.references('app.yaml', offsetOf(app, 'name: web', 6), false)), ['app.yaml:web@41', 'app.yaml:selector@28', 'app.yaml:selector@35']);
    assert.deepEqual(shown(set, navigation.references('app.yaml', offsetOf(app, 'name: web', 6, 3), false)), ['app.yaml:web@50']);
  });

  it('sums up a workload\'s selectors and autoscalers in its lens', () => {
    const lenses = navigation.lenses('app.yaml');
    assert.deepEqual(lenses.map((lens) => lens.title), ['selected by 1 Service, 1 PDB · scaled by 1 HPA']);
    assert.equal(lenses[0]?.places.length, 3);
    assert.equal(app.slice(lenses[0]!.range.start, lenses[0]!.range.end), 'web');
    assert.deepEqual(navigation.lenses('config.yaml'), []);
    const two = new Navigation(files(`${app}---\napiVersion: v1\nkind: Service\nmetadata: {name: b, namespace: shop}\nspec: {selector: {tier: front}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {podSelector: {}}\n`));
    assert.deepEqual(two.lenses('app.yaml').map((lens) => lens.title), ['selected by 2 Services, 1 PDB, 1 NetworkPolicy · scaled by 1 HPA']);
  });
});
