import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { readCapped, readInputFile } from './read-input.ts';

describe('capped input', () => {
  it('stops reading an endless stream just past the bound', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65_536;
        this.push(Buffer.alloc(65_536, 0x61));
      },
    });
    assert.equal(await readCapped(endless, 1024 * 1024), undefined);
    // What was read ahead of the bound is a few stream buffers, not the stream.
    assert.ok(produced < 2 * 1024 * 1024, `${produced} bytes produced`);
  });

  it('reads what fits, multi-byte characters split across chunks included', async () => {
    const euro = Buffer.from('€');
    assert.equal(await readCapped(Readable.from([euro.subarray(0, 1), euro.subarray(1)]), 3), '€');
  });

  it('names the file and the bound, or why it cannot be read', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kube-workbench-read-'));
    const big = join(folder, 'big.yaml');
    await writeFile(big, 'x'.repeat(2048));
    await assert.rejects(readInputFile(big, 1024), { message: `${big}: larger than 1 KB` });
    await assert.rejects(readInputFile(join(folder, 'missing.yaml')), { message: `cannot read ${join(folder, 'missing.yaml')}: ENOENT` });
    await assert.rejects(readInputFile(folder), { message: `cannot read ${folder}: EISDIR` });
  });
});
