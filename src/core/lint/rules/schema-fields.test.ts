import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultKubernetesVersion } from '../engine.ts';
import schemaJson from '../schema/kubernetes-schema.json' with { type: 'json' };
import type { SchemaSnapshot } from '../schema/snapshot.ts';
import { expectNone, expectRanges } from '../testing/expect-rule.ts';
import { deployment, goodContainer } from '../testing/manifests.ts';

const schema = schemaJson as SchemaSnapshot;
const withSchema = { schema };

describe('schema rules (bundled OpenAPI snapshot)', () => {
  it('lints against the bundled schema version by default', () => {
    assert.equal(schema.kubernetesVersion, defaultKubernetesVersion);
  });

  it('schema-unknown-field: at the key, with the closest field as fix', () => {
    const [finding] = expectRanges('schema-unknown-field', deployment(goodContainer, { specFields: '  ⟦replica⟧: 2' }), withSchema);
    assert.match(finding?.message ?? '', /Unknown field "replica" in DeploymentSpec; did you mean "replicas"\?/);
    assert.equal(finding?.fix?.edits[0]?.newText, 'replicas');
    expectRanges('schema-unknown-field', deployment(goodContainer).replace('      containers:', '      ⟦contianers⟧:'), withSchema);
    expectNone('schema-unknown-field', deployment(goodContainer), withSchema);
    expectNone('schema-unknown-field', deployment(goodContainer, { specFields: '  replica: 2' }));
  });

  it('schema-type-mismatch: at the value', () => {
    const [finding] = expectRanges('schema-type-mismatch', deployment(goodContainer, { specFields: '  replicas: ⟦"3"⟧' }), withSchema);
    assert.equal(finding?.message, 'replicas must be an integer, not a string ("3").');
    expectRanges('schema-type-mismatch', deployment(`${goodContainer}\n        ports: [{containerPort: ⟦http⟧}]`), withSchema);
    expectRanges('schema-type-mismatch', deployment(`${goodContainer}\n        env: ⟦{A: b}⟧`), withSchema);
    expectNone('schema-type-mismatch', deployment(`${goodContainer}\n        ports: [{containerPort: 8080}]\n        resources: {limits: {cpu: 1, memory: 1Gi}}`), withSchema);
  });

  it('schema-type-mismatch: names the type only where the value may be a secret', () => {
    const message = (marked: string) => expectRanges('schema-type-mismatch', marked, withSchema).map((finding) => finding.message);
    assert.deepEqual(message('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: ⟦31415926535⟧}\nimmutable: ⟦"yes"⟧\n'), [
      'password must be a string, not a number.',
      'immutable must be a boolean, not a string.',
    ]);
    assert.deepEqual(message('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations: {n: ⟦7⟧}}\ndata: {port: ⟦8080⟧}\n'), ['n must be a string, not a number.', 'port must be a string, not a number.']);
    assert.deepEqual(message(deployment(`${goodContainer}\n        env: [{name: PIN, value: ⟦1234⟧}]\n        args: [⟦42⟧]`)), ['value must be a string, not a number.', 'item 0 must be a string, not a number.']);
    assert.deepEqual(message(deployment(goodContainer, { specFields: '  replicas: ⟦"https://ci:hunter2@example.com"⟧' })), ['replicas must be an integer, not a string ("https://<redacted>@example.com").']);
    assert.deepEqual(message(deployment(goodContainer, { specFields: '  replicas: ⟦eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig⟧' })), ['replicas must be an integer, not a string.']);
  });

  it('schema-required-field: container image and name, Deployment selector, Service port', () => {
    expectRanges('schema-required-field', deployment('        imagePullPolicy: Always').replace('- name: app', '- name: ⟦app⟧'), withSchema);
    expectRanges('schema-required-field', deployment(goodContainer).replace('  selector:\n    matchLabels: {app: web}\n', '').replace('\nspec:\n', '\n⟦spec⟧:\n'), withSchema);
    expectRanges('schema-required-field', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - ⟦{targetPort: 80}⟧\n', withSchema);
    expectNone('schema-required-field', deployment(goodContainer), withSchema);
  });

  it('validates custom resources against their CRD in the file set', () => {
    const crd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: widgets.example.com}',
      'spec:',
      '  group: example.com',
      '  scope: Namespaced',
      '  names: {kind: Widget, plural: widgets}',
      '  versions:',
      '  - name: v1',
      '    served: true',
      '    storage: true',
      '    schema:',
      '      openAPIV3Schema:',
      '        type: object',
      '        properties:',
      '          spec:',
      '            type: object',
      '            required: [size]',
      '            properties:',
      '              size: {type: integer}',
      '              labels: {type: object, additionalProperties: {type: string}}',
      '---',
      'apiVersion: example.com/v1',
      'kind: Widget',
      'metadata: {name: w}',
      'spec:',
    ].join('\n');
    const [unknown] = expectRanges('schema-unknown-field', `${crd}\n  size: 3\n  ⟦colour⟧: red\n`, withSchema);
    assert.match(unknown?.message ?? '', /in Widget\.spec/);
    expectRanges('schema-type-mismatch', `${crd}\n  size: ⟦"3"⟧\n`, withSchema);
    expectRanges('schema-required-field', `${crd.replace(/\nspec:$/, '\n⟦spec⟧:')}\n  labels: {a: b}\n`, withSchema);
    for (const id of ['schema-unknown-field', 'schema-type-mismatch', 'schema-required-field']) expectNone(id, `${crd}\n  size: 3\n  labels: {a: b}\n`, withSchema);
  });
});
