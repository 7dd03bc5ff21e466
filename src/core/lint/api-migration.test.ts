import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import schemaJson from './schema/kubernetes-schema.json' with { type: 'json' };
import type { SchemaSnapshot } from './schema/snapshot.ts';
import { applyFix } from './testing/fix-check.ts';
import { findingsOf } from './testing/expect-rule.ts';

const schema = schemaJson as SchemaSnapshot;

const legacy = `apiVersion: extensions/v1beta1
kind: DaemonSet
metadata: {name: agent, namespace: ops}
spec:
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers: [{name: agent, image: "agent:1.0"}]
`;

const ingress = `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  backend: {serviceName: web, servicePort: 80}
`;

const fixOf = (text: string, withSchema: boolean) => findingsOf('deprecated-api-version', text, withSchema ? { schema } : {})[0]?.fix;

describe('deprecated-api-version fix', () => {
  it('writes the selector that extensions/v1beta1 defaulted from the template labels, which apps/v1 requires', () => {
    const fix = fixOf(legacy, true);
    assert.equal(fix?.title, 'Change apiVersion to apps/v1 with the selector from the template labels');
    const fixed = applyFix(legacy, fix ?? { title: '', edits: [] });
    assert.equal(fixed, legacy.replace('extensions/v1beta1', 'apps/v1').concat('  selector:\n    matchLabels:\n      app: "agent"\n'));
    assert.deepEqual(findingsOf('schema-required-field', fixed, { schema }), []);
  });

  it('changes only the apiVersion when the workload sets its selector', () => {
    const text = legacy.replace('spec:\n  template:', 'spec:\n  selector: {matchLabels: {app: agent}}\n  template:');
    assert.deepEqual(fixOf(text, true)?.edits.map((edit) => edit.newText), ['apps/v1']);
  });

  it('is withheld when the new version would reject fields (the v1 Ingress backend), offered as before without a schema', () => {
    assert.equal(fixOf(ingress, true), undefined);
    assert.equal(fixOf(ingress, false)?.title, 'Change apiVersion to networking.k8s.io/v1');
  });
});
