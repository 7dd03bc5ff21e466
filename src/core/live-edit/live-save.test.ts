import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editText, parseEdited, savePlan } from './live-save.ts';

const opened = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'shop', resourceVersion: '5', uid: 'u', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
  data: { password: Buffer.from('old').toString('base64') },
  type: 'Opaque',
};

describe('live-save', () => {
  it('shows a Secret decoded only when asked', () => {
    assert.match(editText(opened, true), /stringData:\n {2}password: old\n/);
    assert.doesNotMatch(editText(opened, false), /old/);
    assert.doesNotMatch(editText(opened, true), /resourceVersion|last-applied/);
  });

  it('sends the edit encoded, with the hidden fields and the opened resourceVersion as the precondition', () => {
    const edited = parseEdited(editText(opened, true).replace('password: old', 'password: new'), opened);
    assert.ok(edited.ok);
    const { body, conflicts } = savePlan(opened, edited.value, opened);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(body, { ...opened, data: { password: Buffer.from('new').toString('base64') } });
  });

  it('re-applies the edit onto a newer object, reporting overlaps; overwriting takes the edit whole', () => {
    const edited = { ...opened, metadata: { name: 'db', namespace: 'shop', labels: { tier: 'db' } }, type: 'Opaque', data: { password: 'bmV3' } };
    const newer = { ...opened, metadata: { ...opened.metadata, resourceVersion: '8' }, data: { password: 'b3RoZXI=' } };
    const merged = savePlan(opened, edited, newer);
    assert.deepEqual(merged.conflicts, ['data.password']);
    assert.equal((merged.body['metadata'] as { resourceVersion: string }).resourceVersion, '8');
    assert.deepEqual((merged.body['metadata'] as { labels: unknown }).labels, { tier: 'db' });
    const overwrite = savePlan(newer, edited, newer);
    assert.deepEqual([overwrite.conflicts, overwrite.body['data']], [[], { password: 'bmV3' }]);
  });

  it('refuses text that is no YAML object or names another object, and fills in the namespace', () => {
    assert.match((parseEdited('a: [', opened) as { error: string }).error, /not valid YAML/);
    assert.match((parseEdited('- 1', opened) as { error: string }).error, /one object/);
    assert.match((parseEdited('apiVersion: v1\nkind: Secret\nmetadata:\n  name: other\n', opened) as { error: string }).error, /cannot change/);
    const filled = parseEdited('apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n', opened);
    assert.deepEqual(filled.ok && filled.value['metadata'], { name: 'db', namespace: 'shop' });
  });
});
