import assert from 'node:assert/strict';
import { it } from 'node:test';
import { byteSize } from './byte-size.ts';

it('counts bytes below a KB as they are, larger sizes in binary units with one decimal', () => {
  assert.equal(byteSize(0), '0 B');
  assert.equal(byteSize(1023), '1023 B');
  assert.equal(byteSize(1536), '1.5 KB');
  assert.equal(byteSize(10 * 1024 * 1024), '10.0 MB');
  assert.equal(byteSize(3 * 1024 ** 5), '3072.0 TB');
});
