import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatObjectName, objectNameOf } from './object-ref.ts';

describe('object names', () => {
  it('writes namespaced objects as Kind namespace/name and cluster-scoped ones as Kind name', () => {
    assert.equal(formatObjectName({ kind: 'Deployment', namespace: 'team-a', name: 'web' }), 'Deployment team-a/web');
    assert.equal(formatObjectName({ kind: 'Node', namespace: '', name: 'node-0001' }), 'Node node-0001');
  });

  it('reads the identity a manifest declares, with missing or odd fields as empty', () => {
    assert.deepEqual(objectNameOf({ kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' } }), { kind: 'ConfigMap', namespace: 'default', name: 'settings' });
    assert.deepEqual(objectNameOf({ kind: 'Namespace', metadata: { name: 'fresh' } }), { kind: 'Namespace', namespace: '', name: 'fresh' });
    assert.deepEqual(objectNameOf({ metadata: { name: 7 } }), { kind: '', namespace: '', name: '' });
  });
});
