import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isClusterScoped, isListedKind, LISTED_KINDS } from './listed-kinds.ts';
import { slimListed } from './listed-model.ts';

describe('slimListed', () => {
  it('trims every listed kind to its identity and row text, whatever the object holds', () => {
    for (const kind of LISTED_KINDS) {
      for (const raw of [undefined, null, 42, {}, { metadata: { name: 'x', namespace: 'ns', labels: { a: 'b' } }, spec: 'odd', status: [] }]) {
        const slim = slimListed(kind, raw);
        assert.equal(slim.kind, kind);
        assert.equal(typeof slim.detail, 'string', kind);
        assert.ok(Array.isArray(slim.notes), kind);
      }
    }
    const slim = slimListed('Ingress', { metadata: { name: 'shop', namespace: 'team-a', annotations: { note: 'kept out' } }, spec: { rules: [{ host: 'a.example' }] } });
    assert.deepEqual([slim.meta.namespace, slim.meta.name, slim.detail], ['team-a', 'shop', 'a.example → no service']);
    assert.ok(!JSON.stringify(slim).includes('kept out'), 'annotations are not kept');
  });

  it('keeps nothing of a Secret but its identity, type and key count', () => {
    const slim = slimListed('Secret', { metadata: { name: 'db', namespace: 'team-a', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"stringData":{"password":"hunter2"}}' } }, type: 'Opaque', data: { password: 'aHVudGVyMg==' } });
    assert.equal(slim.detail, 'Opaque · 1 key');
    for (const hidden of ['hunter2', 'aHVudGVyMg==', 'password']) assert.ok(!JSON.stringify(slim).includes(hidden), hidden);
  });

  it('tells listed kinds and their scope apart', () => {
    assert.ok(isListedKind('Ingress') && !isListedKind('Deployment') && !isListedKind('constructor'));
    assert.deepEqual(LISTED_KINDS.filter(isClusterScoped), ['ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'PersistentVolume', 'PriorityClass', 'IngressClass']);
  });
});
