import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writePrivateFile } from './private-file.ts';

describe('writePrivateFile', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kube-workbench-private-'));
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('replaces a world-readable file by a new 0600 one (a new inode), leaving no temporary file', async () => {
    const path = join(folder, 'kubeconfig');
    await writeFile(path, 'old');
    await chmod(path, 0o644);
    const before = await stat(path);
    await writePrivateFile(path, 'token: secret\n');
    const after = await stat(path);
    assert.equal(after.mode & 0o777, 0o600);
    assert.notEqual(after.ino, before.ino);
    assert.equal(await readFile(path, 'utf8'), 'token: secret\n');
    assert.deepEqual(await readdir(folder), ['kubeconfig']);
  });

  it('fails for a missing folder and leaves nothing behind', async () => {
    const files = await readdir(folder);
    await assert.rejects(writePrivateFile(join(folder, 'missing', 'kubeconfig'), 'x'), { code: 'ENOENT' });
    assert.deepEqual(await readdir(folder), files);
  });
});
