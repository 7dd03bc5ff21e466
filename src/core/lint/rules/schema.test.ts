import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNone, expectRanges } from '../testing/expect-rule.ts';
import { deployment, goodContainer } from '../testing/manifests.ts';

describe('schema rules', () => {
  it('yaml-syntax: one error at the broken document, other documents still linted', () => {
    const findings = expectRanges('yaml-syntax', 'kind: A\n---\nkind: B\n⟦kind⟧: C\n');
    assert.match(findings[0]?.message ?? '', /duplicated mapping key/);
    expectNone('yaml-syntax', 'kind: A\n---\nkind: B\n');
    expectRanges('missing-type-meta', 'apiVersion: v1\nkind: A\n---\nkind: B\nkind: C\n---\n⟦a⟧: 1\n');
  });

  it('missing-type-meta: at the first node; empty documents pass', () => {
    expectRanges('missing-type-meta', '# header\n⟦kind⟧: Pod\nmetadata: {name: a}\n');
    expectNone('missing-type-meta', '# only a comment\n---\napiVersion: v1\nkind: Pod\n');
    expectNone('missing-type-meta', 'replicaCount: 2\nimage: {tag: 1.0}\n');
  });

  it('unknown-kind: at the kind; CRDs in the file set, deprecated pairs and cluster kinds are known', () => {
    expectRanges('unknown-kind', 'apiVersion: apps/v1\nkind: ⟦Deploymnet⟧\n');
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget}\n  versions: [{name: v1}]\n---\n';
    expectNone('unknown-kind', `${crd}apiVersion: example.com/v1\nkind: Widget\n---\napiVersion: extensions/v1beta1\nkind: Deployment\n`);
    expectRanges('unknown-kind', `${crd}apiVersion: example.com/v2\nkind: ⟦Widget⟧\n`);
    const cluster = { knownKinds: [{ apiVersion: 'example.com/v2', kind: 'Widget', namespaced: true }] };
    expectNone('unknown-kind', 'apiVersion: example.com/v2\nkind: Widget\n', { cluster });
  });

  it('deprecated-api-version: error when removed in the target version, warning before, with a fix', () => {
    const [removed] = expectRanges('deprecated-api-version', 'apiVersion: ⟦batch/v1beta1⟧\nkind: CronJob\n');
    assert.equal(removed?.severity, 'error');
    assert.match(removed?.message ?? '', /removed in Kubernetes 1\.25; use batch\/v1/);
    assert.deepEqual(removed?.fix?.edits, [{ start: 12, end: 25, newText: 'batch/v1' }]);
    const [early] = expectRanges('deprecated-api-version', 'apiVersion: ⟦batch/v1beta1⟧\nkind: CronJob\n', { kubernetesVersion: '1.24' });
    assert.equal(early?.severity, 'warning');
    expectNone('deprecated-api-version', 'apiVersion: batch/v1\nkind: CronJob\n');
  });

  it('invalid-name: metadata, container and port names by their own formats', () => {
    const [finding] = expectRanges('invalid-name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ⟦etcd-{{cell}}⟧\n');
    assert.match(finding?.message ?? '', /^Invalid metadata.name "etcd-\{\{cell\}\}": it must be/);
    const [token] = expectRanges('invalid-name', deployment(`${goodContainer}\n        ports: [{name: ⟦Zm9vYmFyYmF6cXV4MTIzNDU2⟧, containerPort: 8080}]`));
    assert.match(token?.message ?? '', /^Invalid container port name \(a string, not shown\): it must be/);
    expectRanges('invalid-name', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ⟦1web⟧\n');
    expectRanges('invalid-name', deployment(`${goodContainer}\n        ports: [{name: ⟦http-metrics-port⟧, containerPort: 8080}]`).replace('- name: app', '- name: app'));
    // A removed apiVersion is still a built-in kind: its name is a DNS subdomain, and it belongs in a namespace.
    expectRanges('invalid-name', 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: ⟦My_App⟧\n');
    expectNone('invalid-name', 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: my-app\n');
    expectRanges('use-namespace', 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ⟦web⟧\n');
    expectNone('use-namespace', 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: web\n');
    expectNone('invalid-name', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:metrics-server\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a.b-c}\n');
  });

  it('invalid-quantity: at the value Kubernetes rejects', () => {
    const [finding] = expectRanges('invalid-quantity', deployment('        resources:\n          requests: {cpu: 100m, memory: ⟦500mb⟧}'));
    assert.match(finding?.message ?? '', /^Invalid quantity "500mb" for requests.memory: '500mb' is not a quantity/);
    // A URL's credentials are cut, and the parser's reason, which quotes the whole text, is withheld.
    const [url] = expectRanges('invalid-quantity', deployment('        resources:\n          limits: {memory: ⟦"https://ci:hunter2@example.com"⟧}'));
    assert.equal(url?.message, 'Invalid quantity "https://<redacted>@example.com" for limits.memory: not a quantity.');
    expectNone('invalid-quantity', deployment('        resources:\n          requests: {cpu: 0.5, memory: 500M}'));
  });

  it('limit-below-request: at the limit, related to the request', () => {
    const [finding] = expectRanges('limit-below-request', deployment('        resources:\n          requests: {memory: 1Gi}\n          limits: {memory: ⟦512Mi⟧}'));
    assert.equal(finding?.related.length, 1);
    expectNone('limit-below-request', deployment('        resources:\n          requests: {memory: 1Gi}\n          limits: {memory: 1024Mi}'));
  });

  it('duplicate-object: the second definition, related to the first', () => {
    const [finding] = expectRanges('duplicate-object', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ⟦a⟧}\n');
    assert.equal(finding?.related[0]?.range.start, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: '.length);
    expectNone('duplicate-object', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: other}\n');
  });

  it('duplicate-env-var: the second name', () => {
    expectRanges('duplicate-env-var', deployment('        env:\n        - {name: A, value: "1"}\n        - {name: ⟦A⟧, value: "2"}'));
    expectNone('duplicate-env-var', deployment('        env:\n        - {name: A, value: "1"}\n        - {name: B, value: "2"}'));
  });

  it('deprecated-service-account-field: the key, renamed by the fix', () => {
    const [finding] = expectRanges('deprecated-service-account-field', deployment(goodContainer, { podFields: '      ⟦serviceAccount⟧: robot' }));
    assert.equal(finding?.fix?.edits[0]?.newText, 'serviceAccountName');
    expectNone('deprecated-service-account-field', deployment(goodContainer, { podFields: '      serviceAccountName: robot' }));
  });
});
