import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completions, type AuthoringInput, type CompletionEntry } from './completion.ts';
import { loadVersionedSchemas } from './load-schema-data.ts';
import { folderObjects } from './references.ts';

const schemas = await loadVersionedSchemas();

/** Completions at the `‸` of a text (the marker removed). */
function at(marked: string, extra: Partial<AuthoringInput> = {}): CompletionEntry[] & { text: string } {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return Object.assign(completions({ text, offset, schemas, version: '1.34', ...extra }), { text });
}
const labels = (entries: readonly CompletionEntry[]): string[] => entries.map((entry) => entry.label);
const entry = (entries: readonly CompletionEntry[], label: string): CompletionEntry => {
  const found = entries.find((candidate) => candidate.label === label);
  assert.ok(found, `${label} in ${labels(entries).slice(0, 30).join(', ')}`);
  return found;
};

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n';

describe('completion: keys', () => {
  it('offers a container\'s keys inside a list item, required first, present ones left out, with type and a sentence', () => {
    const entries = at(`${deployment}        ima‸\n`);
    assert.ok(!labels(entries).includes('name'), 'name is written already');
    const image = entry(entries, 'image');
    assert.equal(image.detail, 'string');
    assert.match(image.documentation ?? '', /^Container image name\.$/);
    assert.equal(image.insertText, 'image: ');
    assert.equal(entries.text.slice(image.range.start, image.range.end), 'ima');
    const policy = entry(entries, 'imagePullPolicy');
    assert.ok(policy.retrigger, 'a key with values asks for completion again');
  });

  it('required keys sort first', () => {
    const entries = at('apiVersion: apps/v1\nkind: Deployment\nspec:\n  ‸\n');
    const sorted = [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(labels(sorted).slice(0, 2), ['selector', 'template']);
    assert.match(entry(entries, 'selector').detail, /\(required\)/);
  });

  it('inserts the shape of the value at the right indentation: a block, a list item, a scalar', () => {
    const entries = at(`${deployment}        ‸\n`);
    assert.equal(entry(entries, 'resources').insertText, 'resources:\n          ');
    assert.equal(entry(entries, 'ports').insertText, 'ports:\n          - ');
    assert.equal(entry(entries, 'args').insertText, 'args:\n          - ');
    assert.equal(entry(entries, 'tty').insertText, 'tty: ');
  });

  it('after `- ` in a list of objects: the item\'s keys', () => {
    const entries = at('apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - ‸');
    assert.deepEqual(labels(entries).filter((label) => ['port', 'targetPort', 'protocol'].includes(label)).sort(), ['port', 'protocol', 'targetPort']);
    assert.match(entry(entries, 'port').detail, /integer \(required\)/);
  });

  it('inside a flow mapping: keys without a block', () => {
    const entries = at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    resources: {limits: {cpu: 1}, ‸}\n');
    assert.equal(entry(entries, 'requests').insertText, 'requests: ');
    assert.ok(!labels(entries).includes('limits'));
  });

  it('resource names in requests and limits, with a hint', () => {
    const entries = at(`${deployment}        resources:\n          requests:\n            cpu: 100m\n            ‸\n`);
    assert.deepEqual(labels(entries), ['memory', 'ephemeral-storage', 'storage']);
    assert.match(entry(entries, 'memory').documentation ?? '', /Mi = 2\^20/);
  });

  it('the second document of a file with CRLF line ends uses its own kind', () => {
    const entries = at('apiVersion: v1\r\nkind: ConfigMap\r\ndata: {}\r\n---\r\napiVersion: v1\r\nkind: Service\r\nspec:\r\n  ‸\r\n');
    assert.ok(labels(entries).includes('clusterIP'));
    assert.ok(!labels(entries).includes('data'));
  });

  it('an empty document offers apiVersion, kind and a snippet per common kind; none after the end of a document', () => {
    const empty = at('‸');
    assert.ok(labels(empty).includes('apiVersion') && labels(empty).includes('kind'));
    assert.ok(labels(empty).includes('new Deployment'));
    const typed = at('apiV‸');
    assert.equal(entry(typed, 'apiVersion').insertText, 'apiVersion: ');
    const end = at('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n‸');
    assert.ok(labels(end).includes('spec'));
    assert.ok(!labels(end).some((label) => label.startsWith('new ')), 'no snippets inside an object');
  });
});

describe('completion: values', () => {
  it('allowed values of an enum field, booleans, quantities with a hint', () => {
    assert.deepEqual(labels(at(`${deployment}        imagePullPolicy: ‸\n`)), ['Always', 'Never', 'IfNotPresent']);
    assert.deepEqual(labels(at(`${deployment}        tty: ‸\n`)), ['true', 'false']);
    const cpu = at(`${deployment}        resources:\n          limits:\n            cpu: ‸\n`);
    assert.ok(labels(cpu).includes('250m'));
    assert.match(entry(cpu, '250m').detail, /core/);
    assert.deepEqual(labels(at('apiVersion: v1\nkind: Service\nspec:\n  type: ‸\n')), ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer']);
  });

  it('apiVersion values that serve the kind in the target version, kind values of the apiVersion', () => {
    assert.deepEqual(labels(at('kind: HorizontalPodAutoscaler\napiVersion: ‸\n')).sort(), ['autoscaling/v1', 'autoscaling/v2']);
    assert.ok(labels(at('apiVersion: batch/v1\nkind: ‸\n')).includes('CronJob'));
    assert.ok(!labels(at('apiVersion: batch/v1\nkind: ‸\n')).includes('Deployment'));
    assert.ok(labels(at('apiVersion: ‸')).includes('apps/v1'));
    assert.deepEqual(labels(at('kind: Certificate\napiVersion: ‸\n', { clusterKinds: ['cert-manager.io/v1 Certificate'] })), ['cert-manager.io/v1']);
  });

  it('names of the folder\'s objects and the cluster\'s for reference fields', () => {
    const folder = folderObjects([
      { kind: 'ConfigMap', metadata: { name: 'settings' }, data: { LEVEL: 'debug', MODE: 'a' } },
      { kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'x' } },
      { kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ name: 'http', port: 80 }] } },
      { kind: 'Deployment', metadata: { name: 'api' } },
    ]);
    const cluster = { ConfigMap: ['kube-root-ca.crt'], ServiceAccount: ['builder'] };
    const envFrom = at(`${deployment}        envFrom:\n        - configMapRef:\n            name: ‸\n`, { folder, cluster });
    assert.deepEqual(labels(envFrom), ['settings', 'kube-root-ca.crt']);
    assert.match(entry(envFrom, 'kube-root-ca.crt').detail, /in the cluster/);
    const key = at(`${deployment}        env:\n        - name: P\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: ‸\n`, { folder });
    assert.deepEqual(labels(key), ['password']);
    assert.deepEqual(labels(at('apiVersion: v1\nkind: Pod\nspec:\n  serviceAccountName: ‸\n', { folder, cluster })), ['builder']);
    assert.deepEqual(labels(at('apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: ‸\n', { folder })), ['api']);
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nspec:\n  defaultBackend:\n    service:\n      name: ';
    assert.deepEqual(labels(at(`${ingress}‸\n`, { folder })), ['web']);
    assert.deepEqual(labels(at(`${ingress}web\n      port:\n        number: ‸\n`, { folder })), ['80']);
  });

  it('the values of a list of scalars after `- `', () => {
    assert.deepEqual(labels(at('apiVersion: v1\nkind: Service\nspec:\n  ipFamilies:\n  - ‸\n')), ['IPv4', 'IPv6']);
  });
});

describe('completion: versions and custom resources', () => {
  it('a field added in 1.33 is offered for 1.33 and not for 1.32', () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  behavior:\n    scaleUp:\n      ‸\n';
    assert.ok(labels(at(hpa, { version: '1.33' })).includes('tolerance'));
    assert.ok(!labels(at(hpa, { version: '1.32' })).includes('tolerance'));
  });

  it('1.35 is its own version: fields it added or dropped, and the apiVersion serving a kind', () => {
    const csiDriver = 'apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nspec:\n  ‸\n';
    assert.ok(!labels(at(csiDriver, { version: '1.34' })).includes('serviceAccountTokenInSecrets'));
    assert.ok(labels(at(csiDriver, { version: '1.35' })).includes('serviceAccountTokenInSecrets'));
    const podSpec = 'apiVersion: v1\nkind: Pod\nspec:\n  ‸\n';
    const keys = (version: string): string[] => labels(at(podSpec, { version })).filter((label) => label === 'workloadRef' || label === 'schedulingGroup');
    assert.deepEqual(keys('1.34'), []);
    assert.deepEqual(keys('1.35'), ['workloadRef']);
    assert.deepEqual(keys('1.36'), ['schedulingGroup']);
    const workload = (version: string): string[] => labels(at('kind: Workload\napiVersion: ‸\n', { version })).sort();
    assert.deepEqual(workload('1.34'), []);
    assert.deepEqual(workload('1.35'), ['scheduling.k8s.io/v1alpha1']);
    assert.deepEqual(workload('1.36'), ['scheduling.k8s.io/v1alpha1', 'scheduling.k8s.io/v1alpha2']);
  });

  it('keys and enums of a custom resource from its CRD', () => {
    const crd = {
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'example.com',
        names: { kind: 'Widget' },
        versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'string', enum: ['small', 'large'], description: 'How big.' }, count: { type: 'integer' } } } } } } }],
      },
    };
    const keys = at('apiVersion: example.com/v1\nkind: Widget\nspec:\n  ‸\n', { crds: [crd] });
    assert.deepEqual(labels(keys).sort(), ['count', 'size']);
    assert.equal(entry(keys, 'size').detail, 'string (required)');
    assert.equal(entry(keys, 'size').documentation, 'How big.');
    assert.deepEqual(labels(at('apiVersion: example.com/v1\nkind: Widget\nspec:\n  size: ‸\n', { crds: [crd] })), ['small', 'large']);
    assert.ok(labels(at('kind: Widget\napiVersion: ‸\n', { crds: [crd] })).includes('example.com/v1'));
    assert.ok(labels(at('apiVersion: example.com/v1\nkind: Widget\n‸\n', { crds: [crd] })).includes('metadata'));
  });
});
