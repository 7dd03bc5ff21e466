import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planExtraction, safeSteps } from './entry-path.ts';
import type { TarEntry } from './tar-format.ts';
import { readTar } from './tar-reader.ts';
import { writeTar } from './tar-writer.ts';

const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);
const file = (path: string, content: string): TarEntry => ({ path, type: 'file', mode: 0o644, mtime: 1_700_000_000, data: bytes(content), linkName: '' });
const entry = (path: string, type: TarEntry['type'], linkName = ''): TarEntry => ({ path, type, mode: 0o755, mtime: 0, data: new Uint8Array(0), linkName });

function read(archive: Uint8Array): TarEntry[] {
  const result = readTar(archive);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value;
}

describe('tar', () => {
  it('round-trips files, folders and symlinks, a long name through a PAX record', () => {
    const long = `deep/${'x'.repeat(150)}/file.txt`;
    const entries = read(writeTar([entry('dir', 'directory'), file('dir/a.txt', 'hello'), file(long, 'long'), entry('dir/link', 'symlink', '../a.txt'), file('empty', '')]));
    assert.deepEqual(entries.map((each) => [each.path, each.type, new TextDecoder().decode(each.data), each.linkName]), [
      ['dir/', 'directory', '', ''],
      ['dir/a.txt', 'file', 'hello', ''],
      [long, 'file', 'long', ''],
      ['dir/link', 'symlink', '', '../a.txt'],
      ['empty', 'file', '', ''],
    ]);
    assert.equal(entries[1]?.mode, 0o644);
    assert.equal(entries[1]?.mtime, 1_700_000_000);
  });

  it('is read by GNU tar', async () => {
    const { execFileSync } = await import('node:child_process');
    const listing = execFileSync('tar', ['tvf', '-'], { input: writeTar([entry('d', 'directory'), file('d/f.txt', 'abc'), file(`${'n'.repeat(120)}.txt`, 'z')]) }).toString();
    assert.match(listing, /d\/f\.txt/);
    assert.match(listing, /n{120}\.txt/);
  });

  it('reads what GNU tar writes', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const folder = mkdtempSync('/tmp/tar-test-');
    try {
      mkdirSync(`${folder}/top/sub`, { recursive: true });
      writeFileSync(`${folder}/top/sub/${'y'.repeat(130)}`, 'gnu');
      const entries = read(new Uint8Array(execFileSync('tar', ['cf', '-', '-C', folder, 'top'])));
      const long = entries.find((each) => each.path.endsWith('y'.repeat(130)));
      assert.equal(long?.path, `top/sub/${'y'.repeat(130)}`);
      assert.equal(new TextDecoder().decode(long?.data), 'gnu');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a bad checksum, a cut archive and too many entries', () => {
    const archive = writeTar([file('a', 'hello'), file('b', 'x')]);
    const corrupt = archive.slice();
    corrupt[10] = 0x41;
    const bad = readTar(corrupt);
    assert.match(bad.ok ? '' : bad.error, /bad checksum/);
    const cut = readTar(archive.subarray(0, 512 + 100));
    assert.equal(cut.ok, false);
    const many = readTar(archive, { maxEntries: 1 });
    assert.match(many.ok ? '' : many.error, /more than 1 entries/);
  });
});

describe('safe extraction', () => {
  it('keeps relative steps and refuses ones that could leave the folder', () => {
    assert.deepEqual(safeSteps('./a//b/'), ['a', 'b']);
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'a/..', 'C:/x', 'a\\..\\b', 'a\0b']) assert.equal(safeSteps(bad), undefined, bad);
  });

  it('plans entries relative to the archived path and skips symlinks', () => {
    const plan = planExtraction([entry('tmp/data/', 'directory'), file('tmp/data/a.txt', 'a'), entry('tmp/data/out', 'symlink', '/etc')], '/tmp');
    assert.ok(plan.ok);
    assert.deepEqual(plan.value.entries.map((each) => each.steps.join('/')), ['data', 'data/a.txt']);
    assert.deepEqual(plan.value.skipped, ['data/out']);
  });

  it('refuses the whole archive for one entry climbing out or outside the prefix', () => {
    const climbing = planExtraction([file('tmp/ok', 'a'), file('tmp/../../etc/cron.d/x', 'evil')], 'tmp');
    assert.match(climbing.ok ? '' : climbing.error, /would be written outside the folder/);
    const elsewhere = planExtraction([file('etc/passwd', 'evil')], 'tmp');
    assert.match(elsewhere.ok ? '' : elsewhere.error, /is not under "tmp"/);
  });
});
