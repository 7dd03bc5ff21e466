import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsageHistory } from './usage-history.ts';
import { storeFileName, UsageStore } from './usage-store.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;
let directory: string;

before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'usage-store-'));
});
after(() => rm(directory, { recursive: true, force: true }));

function history(workloads: number, minutes = 30): UsageHistory {
  const result = new UsageHistory();
  for (let workload = 0; workload < workloads; workload += 1) {
    for (let minute = 0; minute < minutes; minute += 1) {
      result.addSample({ namespace: 'ns', pod: `app${workload}-0`, container: 'c' }, START + (workload + minute) * MINUTE, 0.1 * (workload + 1), 2e8);
    }
  }
  return result;
}

describe('UsageStore', () => {
  it('names files by a hash of context and server, never by the names themselves', () => {
    const name = storeFileName('prod-admin@corp', 'https://10.0.0.1:6443');
    assert.match(name, /^usage-[0-9a-f]{32}\.json$/);
    assert.notEqual(name, storeFileName('prod-admin@corp', 'https://10.0.0.2:6443'));
  });

  it('saves atomically and loads what it saved, to the same recommendations', async () => {
    const store = new UsageStore(join(directory, 'nested'), 'ctx', 'https://a');
    const saved = history(3);
    const summary = await store.save(saved.checkpoint(), START);
    assert.ok(summary.ok);
    assert.deepEqual([summary.value.containers, summary.value.dropped], [3, 0]);
    assert.equal((await stat(store.path)).size, summary.value.bytes);
    assert.deepEqual(await readdir(join(directory, 'nested')), [storeFileName('ctx', 'https://a')], 'no temporary file left');
    const loaded = await store.load();
    assert.ok(loaded.ok);
    const restored = new UsageHistory();
    assert.equal(restored.restore(loaded.value), 0);
    const now = START + 60 * MINUTE;
    assert.deepEqual(
      restored.usage(now).map((usage) => usage.recommendation),
      saved.usage(now).map((usage) => usage.recommendation),
    );
  });

  it('has nothing to load before the first save', async () => {
    const loaded = await new UsageStore(directory, 'never-saved', 'https://a').load();
    assert.deepEqual(loaded, { ok: true, value: [] });
  });

  it('keeps the most recently seen containers when the size bound is reached', async () => {
    const store = new UsageStore(directory, 'small', 'https://a', 8_000);
    const summary = await store.save(history(20).checkpoint(), START);
    assert.ok(summary.ok);
    assert.ok(summary.value.dropped > 0 && summary.value.containers > 0);
    assert.ok((await stat(store.path)).size <= 8_000);
    const loaded = await store.load();
    assert.ok(loaded.ok);
    const kept = loaded.value.map((item) => (item as { workload: string }).workload);
    assert.ok(kept.includes('app19') && !kept.includes('app0'), kept.join(','));
  });

  it('reports a corrupt or unknown-version file as a storage error naming the context', async () => {
    const store = new UsageStore(directory, 'broken', 'https://a');
    await writeFile(store.path, '{"format":"kube-workbench-usage","version":1,"containers":[{');
    const corrupt = await store.load();
    assert.ok(!corrupt.ok);
    assert.equal(corrupt.error.kind, 'storage');
    assert.match(corrupt.error.message, /context "broken".*corrupt.*starting a new history/);
    await writeFile(store.path, JSON.stringify({ format: 'kube-workbench-usage', version: 99, containers: [] }));
    const future = await store.load();
    assert.ok(!future.ok);
    assert.match(future.error.message, /format version 99, this version reads 1/);
    // Saving replaces the bad file.
    assert.ok((await store.save(history(1).checkpoint(), START)).ok);
    assert.ok((await store.load()).ok);
    assert.match(await readFile(store.path, 'utf8'), /^\{"format":"kube-workbench-usage","version":1,/);
  });

  it('does not read a file larger than it ever writes', async () => {
    const store = new UsageStore(directory, 'huge', 'https://a', 8_000);
    await writeFile(store.path, 'x'.repeat(8_001));
    const loaded = await store.load();
    assert.ok(!loaded.ok);
    assert.match(loaded.error.message, /context "huge".* is larger than 8000 bytes, more than this store writes; starting a new history$/);
  });
});
