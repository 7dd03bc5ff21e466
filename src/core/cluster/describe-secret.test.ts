import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { revealSecretKey, secretKeys } from './describe-secret.ts';

const secret = { kind: 'Secret', metadata: { name: 'creds' }, data: { username: 'YWRtaW4=', password: 'czNjcjN0IMOpdMOp', keystore: '/9j/4AAQ' } };

describe('revealing one Secret key', () => {
  it('lists the data keys, sorted, and none for a Secret without data', () => {
    assert.deepEqual(secretKeys(secret), ['keystore', 'password', 'username']);
    assert.deepEqual(secretKeys({ kind: 'Secret' }), []);
  });

  it('decodes exactly the chosen key as UTF-8 text', () => {
    assert.deepEqual(revealSecretKey(secret, 'password'), { text: 's3cr3t été', encoding: 'utf-8' });
    assert.deepEqual(revealSecretKey(secret, 'username'), { text: 'admin', encoding: 'utf-8' });
  });

  it('keeps bytes that are not UTF-8 as base64, and answers nothing for a missing key', () => {
    assert.deepEqual(revealSecretKey(secret, 'keystore'), { text: '/9j/4AAQ', encoding: 'base64' });
    assert.equal(revealSecretKey(secret, 'token'), undefined);
    assert.equal(revealSecretKey(secret, 'toString'), undefined);
  });
});
