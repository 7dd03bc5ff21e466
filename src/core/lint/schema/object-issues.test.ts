import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import schemaJson from './kubernetes-schema.json' with { type: 'json' };
import { objectSchemaIssues } from './object-issues.ts';
import type { SchemaSnapshot } from './snapshot.ts';

const schema = schemaJson as SchemaSnapshot;
const pod = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', ...container }], ...spec },
});
const summary = (value: Record<string, unknown>) => objectSchemaIssues(value, schema).map((issue) => `${issue.kind} ${issue.path}: ${issue.message}`);

describe('objectSchemaIssues', () => {
  it('names each issue by its field path, list items by index', () => {
    assert.deepEqual(summary(pod({ imagePullPolicy: 'Sometimes', args: ['x', 2], portz: [] }, { restartPolicy: 'Always' })), [
      'type spec.containers[1].args[1]: Invalid value: 2: spec.containers[1].args[1] in body must be of type string: "integer"',
      'unknown spec.containers[1].portz: unknown field "spec.containers[1].portz"',
      'required spec.containers[1].image: Required value',
      'enum spec.containers[1].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });

  it('finds nothing in a valid object, nor in kinds the schema does not know', () => {
    assert.deepEqual(summary(pod({ image: 'busybox', imagePullPolicy: 'Never' })), []);
    assert.deepEqual(summary({ apiVersion: 'example.com/v1', kind: 'Widget', spec: { anything: 1 } }), []);
    assert.deepEqual(summary({ kind: 'Pod', spec: 1 }), []);
  });

  it('gives the holder and key of an unknown field, so a caller can drop it', () => {
    const value = pod({ image: 'busybox', imagePullPolicyy: 'Always' });
    const [issue] = objectSchemaIssues(value, schema);
    assert.ok(issue !== undefined);
    delete (issue.holder as Record<string, unknown>)[issue.key];
    assert.deepEqual(summary(value), []);
  });
});
