import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanLiveObject, LAST_APPLIED } from './live-object.ts';

const live = {
  status: { replicas: 2 },
  spec: { replicas: 2 },
  metadata: {
    managedFields: [{ manager: 'kubectl' }],
    annotations: { [LAST_APPLIED]: '{"big":"json"}', team: 'shop' },
    uid: 'u-1',
    resourceVersion: '42',
    creationTimestamp: '2026-01-01T00:00:00Z',
    generation: 3,
    selfLink: '/apis/apps/v1/x',
    labels: { app: 'web' },
    namespace: 'shop',
    ownerReferences: [{ kind: 'X' }],
    name: 'web',
  },
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  data: { extra: 1 },
};

describe('cleanLiveObject', () => {
  it('drops status and server metadata, hides the last-applied record, and orders the keys as manifests are written', () => {
    const clean = cleanLiveObject(live);
    assert.deepEqual(Object.keys(clean), ['apiVersion', 'kind', 'metadata', 'spec', 'data']);
    assert.deepEqual(clean['metadata'], { name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { team: 'shop' }, ownerReferences: [{ kind: 'X' }] });
    assert.deepEqual(Object.keys(clean['metadata'] as object), ['name', 'namespace', 'labels', 'annotations', 'ownerReferences']);
  });

  it('leaves no empty annotations behind and does not touch its input', () => {
    const only = { ...live, metadata: { ...live.metadata, annotations: { [LAST_APPLIED]: '{}' } } };
    assert.equal('annotations' in (cleanLiveObject(only)['metadata'] as object), false);
    assert.equal(only.metadata.uid, 'u-1');
    assert.ok('status' in only);
  });
});
