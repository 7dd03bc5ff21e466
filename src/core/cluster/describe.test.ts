import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeObject } from './describe.ts';

describe('describeObject', () => {
  it('drops managedFields and keeps the rest', () => {
    const shown = describeObject({ kind: 'Deployment', metadata: { name: 'web', managedFields: [{ manager: 'kubectl' }], labels: { a: 'b' } }, spec: { replicas: 2 } });
    assert.deepEqual(shown, { kind: 'Deployment', metadata: { name: 'web', labels: { a: 'b' } }, spec: { replicas: 2 } });
  });

  it('redacts every value of a Secret, data and stringData', () => {
    const shown = JSON.stringify(describeObject({ kind: 'Secret', metadata: { name: 's' }, data: { password: 'c2VjcmV0LXZhbHVl' }, stringData: { token: 'plain-token' } }));
    assert.ok(!shown.includes('c2VjcmV0LXZhbHVl') && !shown.includes('plain-token'), shown);
    assert.match(shown, /"password":"<redacted: 16 characters>"/);
  });
});
