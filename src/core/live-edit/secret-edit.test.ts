import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSecret, encodeSecret } from './secret-edit.ts';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: b64('pä55'), blob: Buffer.from([0xff, 0xfe, 0x00]).toString('base64') }, type: 'Opaque' };

describe('Secret edits', () => {
  it('decodes text values into stringData where data was, keeping binary ones as stored', () => {
    const decoded = decodeSecret(secret);
    assert.deepEqual(Object.keys(decoded), ['apiVersion', 'kind', 'metadata', 'data', 'stringData', 'type']);
    assert.deepEqual(decoded['stringData'], { password: 'pä55' });
    assert.deepEqual(decoded['data'], { blob: secret.data.blob });
  });

  it('encodes stringData back into data, byte for byte what the server stored', () => {
    assert.deepEqual(encodeSecret(decodeSecret(secret)), secret);
    const edited = encodeSecret({ ...decodeSecret(secret), stringData: { password: 'new', token: 't' } });
    assert.deepEqual(edited['data'], { blob: secret.data.blob, password: b64('new'), token: b64('t') });
    assert.equal('stringData' in edited, false);
  });

  it('leaves other kinds alone', () => {
    const map = { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' }, stringData: { c: 'd' } };
    assert.equal(decodeSecret(map), map);
    assert.equal(encodeSecret(map), map);
  });
});
