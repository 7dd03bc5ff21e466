import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadVersionedSchemas } from './load-schema-data.ts';
import { VersionedSchemas, type SchemaData } from './schema-data.ts';

const schemas = await loadVersionedSchemas();

describe('versioned schema data', () => {
  it('bundles Kubernetes 1.29 to the newest, oldest first', () => {
    assert.equal(schemas.versions[0], '1.29');
    assert.ok(schemas.versions.includes('1.33') && schemas.versions.includes('1.34'));
    assert.deepEqual([...schemas.versions].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])), schemas.versions);
  });

  it('picks the bundled version at or below the one asked for', () => {
    assert.equal(schemas.resolve('1.33'), '1.33');
    assert.equal(schemas.resolve('v1.33.4'), '1.33');
    assert.equal(schemas.resolve('1.20'), '1.29');
    assert.equal(schemas.resolve(undefined), schemas.versions.at(-1));
    assert.equal(schemas.resolve('1.99'), schemas.versions.at(-1));
  });

  it('has 1.35 as its own version (client-node sources generated from v1.35.0, no release)', () => {
    assert.equal(schemas.resolve('v1.35.2'), '1.35');
    assert.equal(schemas.schema('1.35').kinds.get('scheduling.k8s.io/v1alpha1 Workload'), 'V1alpha1Workload');
    assert.equal(schemas.schema('1.34').kinds.get('scheduling.k8s.io/v1alpha1 Workload'), undefined);
    // The pod's workloadRef came in 1.35 and gave way to schedulingGroup in 1.36.
    assert.deepEqual(schemas.versionsWith('V1PodSpec', 'workloadRef'), ['1.35']);
    assert.equal(schemas.versionsWith('V1PodSpec', 'schedulingGroup')[0], '1.36');
  });

  it('has a field from the version that added it on (HPA scaling rules tolerance, 1.33)', () => {
    assert.equal(schemas.schema('1.32').model('V2HPAScalingRules')?.fields.has('tolerance'), false);
    assert.equal(schemas.schema('1.33').model('V2HPAScalingRules')?.fields.has('tolerance'), true);
    assert.deepEqual(schemas.versionsWith('V2HPAScalingRules', 'tolerance')[0], '1.33');
  });

  it('keeps descriptions, required fields, enums and defaults stated in descriptions', () => {
    const schema = schemas.schema('1.34');
    assert.equal(schema.kinds.get('apps/v1 Deployment'), 'V1Deployment');
    const container = schema.model('V1Container');
    assert.equal(container?.fields.get('name')?.required, true);
    assert.match(container?.fields.get('image')?.description ?? '', /Container image name/);
    assert.deepEqual(container?.fields.get('imagePullPolicy')?.enum, ['Always', 'Never', 'IfNotPresent']);
    assert.equal(schema.model('V1ServiceSpec')?.fields.get('type')?.default, 'ClusterIP');
    assert.match(schema.model('V1Container')?.description ?? '', /single application container/);
  });

  it('has no generator boilerplate for a model without a description of its own: the hover shows none', () => {
    for (const version of schemas.versions) {
      const model = schemas.schema(version).model('V1alpha1MatchCondition');
      if (model !== undefined) assert.equal(model.description, undefined, version);
    }
    assert.ok(schemas.versions.some((version) => schemas.schema(version).model('V1alpha1MatchCondition') !== undefined));
  });

  it('applies a delta: a model or kind the older version lacks, a field it types otherwise', () => {
    const data: SchemaData = {
      versions: ['1.1', '1.2'],
      sources: {},
      kinds: { 'v1 A': 'A', 'v1 B': 'B' },
      types: { A: { d: 0, f: { x: ['s', 1, 1], y: ['i', -1] } }, B: { d: -1, f: {} } },
      deltas: { '1.1': { kinds: { 'v1 B': null }, types: { A: { f: { x: ['i', 1], y: null } }, B: null } } },
      enums: { 1: ['P', 'Q'] },
      defaults: {},
    };
    const small = new VersionedSchemas(data, ['model A', 'field x']);
    const old = small.schema('1.1');
    assert.deepEqual([...old.kinds.keys()], ['v1 A']);
    assert.equal(old.model('B'), undefined);
    assert.deepEqual([...(old.model('A')?.fields.keys() ?? [])], ['x']);
    assert.equal(old.model('A')?.fields.get('x')?.type, 'i');
    assert.equal(old.model('A')?.fields.get('x')?.required, false);
    assert.deepEqual(small.schema('1.2').model('A')?.fields.get('x')?.enum, ['P', 'Q']);
    assert.equal(small.schema('1.2').model('A')?.description, 'model A');
  });
});
