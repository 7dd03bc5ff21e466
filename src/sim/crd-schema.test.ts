import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customSchema, enumCauses } from './crd-schema.ts';
import { bundledSchema } from './schema-validation.ts';

const openApi = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        modes: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        levels: { type: 'object', additionalProperties: { type: 'integer', enum: [1, 2] } },
      },
    },
  },
};

describe('custom resource schemas', () => {
  it('finds enum values outside the schema in lists and maps, by field path', () => {
    const causes = enumCauses(openApi, { spec: { modes: ['a', 'c'], levels: { low: 1, high: 3 } } });
    assert.deepEqual(causes.map((cause) => `${cause.field ?? ''}: ${cause.message}`), [
      'spec.modes[1]: Unsupported value: "c": supported values: "a", "b"',
      'spec.levels.high: Unsupported value: 3: supported values: 1, 2',
    ]);
    assert.deepEqual(enumCauses(openApi, { spec: { modes: ['b'], levels: { low: 2 } } }), []);
  });

  it('is the bundled snapshot with the kind added, and nothing for a version without a schema', () => {
    const crd = { metadata: { name: 'dials.example.com' }, kind: 'CustomResourceDefinition', apiVersion: 'apiextensions.k8s.io/v1', spec: { group: 'example.com', names: { kind: 'Dial' }, versions: [{ name: 'v1', schema: { openAPIV3Schema: openApi } }, { name: 'v2' }] } };
    const schema = customSchema(crd, bundledSchema, 'example.com/v1', 'Dial', crd.spec.versions[0] ?? {});
    assert.equal(schema?.snapshot.kinds['example.com/v1 Dial'], 'example.com/v1/Dial');
    assert.equal(schema?.snapshot.kinds['apps/v1 Deployment'], 'V1Deployment');
    assert.equal(customSchema(crd, bundledSchema, 'example.com/v2', 'Dial', crd.spec.versions[1] ?? {}), undefined);
  });
});
