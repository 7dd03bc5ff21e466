import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldSet, fromFieldsV1, maxFieldPathChars, toFieldsV1 } from './field-set.ts';
import { recordUpdate, serverSideApply } from './managed-fields.ts';
import type { KubeObject } from './objects.ts';

const manager = (name: string): { name: string; apiVersion: string; time: string } => ({ name, apiVersion: 'apps/v1', time: '2026-11-25T00:00:00Z' });
const config = (replicas: number, labels: Record<string, string> = { app: 'web' }): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels },
  spec: { replicas, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
});

describe('managedFields and server-side apply', () => {
  it('writes FieldsV1 with f: fields and k: keys for containers, and reads it back', () => {
    const fields = toFieldsV1(fieldSet(config(1)));
    assert.deepEqual(fields, {
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } },
    });
    assert.deepEqual(fromFieldsV1(fields), fieldSet(config(1)));
  });

  it('shares a field when two managers apply the same value, conflicts when they differ', () => {
    const live = serverSideApply(undefined, config(2), manager('a'), false);
    const shared = serverSideApply(live, config(2), manager('b'), false);
    assert.equal(shared.metadata.managedFields?.length, 2);
    assert.throws(() => serverSideApply(shared, config(3), manager('b'), false), (error: { code: number; message: string }) => error.code === 409 && /conflict with "a": \.spec\.replicas/.test(error.message));
  });

  it('removes a field its only manager stops applying', () => {
    const live = serverSideApply(undefined, config(2, { app: 'web', tier: 'front' }), manager('a'), false);
    const next = serverSideApply(live, config(2, { app: 'web' }), manager('a'), false);
    assert.deepEqual(next.metadata.labels, { app: 'web' });
  });

  it('an update (kubectl scale) takes the field, so a later apply by the first manager conflicts', () => {
    const live = serverSideApply(undefined, config(2), manager('kubectl'), false);
    const scaled: KubeObject = { ...live, spec: { ...(live['spec'] as object), replicas: 5 } };
    scaled.metadata = { ...scaled.metadata, managedFields: recordUpdate(live, scaled, manager('kubectl-scale')) };
    assert.deepEqual(scaled.metadata.managedFields?.map((entry) => `${entry.manager}/${entry.operation}`), ['kubectl/Apply', 'kubectl-scale/Update']);
    assert.throws(() => serverSideApply(scaled, config(2), manager('kubectl'), false), { code: 409 });
    const forced = serverSideApply(scaled, config(2), manager('kubectl'), true);
    assert.equal((forced['spec'] as { replicas: number }).replicas, 2);
  });

  it('keeps a manager\'s scale-subresource updates apart and names the subresource in a conflict', () => {
    const live = serverSideApply(undefined, config(2), manager('ci'), false);
    const scale = { ...manager('kubectl'), subresource: 'scale' };
    const labelled: KubeObject = { ...live, metadata: { ...live.metadata, labels: { app: 'web', by: 'hand' } } };
    labelled.metadata.managedFields = recordUpdate(live, labelled, manager('kubectl'));
    const scaled: KubeObject = { ...labelled, spec: { ...(labelled['spec'] as object), replicas: 4 } };
    scaled.metadata = { ...scaled.metadata, managedFields: recordUpdate(labelled, scaled, scale) };
    assert.deepEqual(scaled.metadata.managedFields?.map((entry) => `${entry.manager}/${entry.subresource ?? ''}:${JSON.stringify(entry.fieldsV1)}`), [
      `ci/:${JSON.stringify(toFieldsV1(new Set([...fieldSet(config(2))].filter((path) => !path.includes('replicas')))))}`,
      `kubectl/:${JSON.stringify({ 'f:metadata': { 'f:labels': { 'f:by': {} } } })}`,
      `kubectl/scale:${JSON.stringify({ 'f:spec': { 'f:replicas': {} } })}`,
    ]);
    assert.throws(() => serverSideApply(scaled, config(2), manager('ci'), false), { code: 409, message: /conflict with "kubectl" with subresource "scale" using apps\/v1: \.spec\.replicas$/ });
  });

  it('records an update of a 10,000-item keyed list in linear time (a search per path took a minute)', () => {
    const withEnv = (value: string): KubeObject => ({
      ...config(1),
      spec: { template: { spec: { containers: [{ name: 'web', env: Array.from({ length: 10_000 }, (_, index) => ({ name: `E${index}`, value })) }] } } },
    });
    const before = { ...withEnv('a'), metadata: { ...withEnv('a').metadata, managedFields: recordUpdate(undefined, withEnv('a'), manager('first')) } };
    const started = performance.now();
    const entries = recordUpdate(before, withEnv('b'), manager('second'));
    assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
    assert.deepEqual(entries.map((entry) => entry.manager), ['first', 'second']);
  });

  it('refuses an object whose field paths would take more than the limit (deep and wide)', () => {
    let value: unknown = Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`k${index}`, 0]));
    for (let depth = 0; depth < 900; depth += 1) value = { [`a-key-of-some-length-${depth}`]: value };
    const started = performance.now();
    assert.throws(() => fieldSet({ metadata: { name: 'wide' }, spec: value }), { code: 413, message: new RegExp(`more than ${maxFieldPathChars} characters`) });
    assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
  });
});
