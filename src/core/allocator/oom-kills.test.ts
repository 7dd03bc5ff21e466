import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS, HOUR_MS } from './history-window.ts';
import { oomBumpBytes, OomKills, OOM_MIN_BUMP_BYTES } from './oom-kills.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MIB = 2 ** 20;

describe('oomBumpBytes', () => {
  it('is max(used × 1.2, used + 100 MiB), exactly as RecordOOM computes memoryNeeded', () => {
    // Below 500 MiB the 100 MiB minimum wins, above it the ratio; at 500 MiB both give 600 MiB.
    assert.equal(oomBumpBytes(200 * MIB), 300 * MIB);
    assert.equal(oomBumpBytes(500 * MIB), 600 * MIB);
    assert.equal(oomBumpBytes(2000 * MIB), 2000 * MIB * 1.2);
    assert.equal(oomBumpBytes(0), OOM_MIN_BUMP_BYTES);
  });
});

describe('OomKills', () => {
  it('counts the kills and floors at the largest bump in the window', () => {
    const kills = new OomKills();
    assert.equal(kills.record(START, 300 * MIB), true);
    assert.equal(kills.record(START, Number.NaN), false);
    kills.record(START + DAY_MS, 900 * MIB);
    kills.record(START + 2 * DAY_MS, 600 * MIB);
    const summary = kills.summary(START + 2 * DAY_MS);
    assert.equal(summary.count, 3);
    assert.equal(summary.floorBytes, 900 * MIB);
    assert.equal(summary.lastMs, START + 2 * DAY_MS);
    // The floor's kill is a day old: half the weight of a fresh sample.
    assert.equal(summary.floorWeight, 0.5);
  });

  it('keeps a kill for the 8-day window, then lets it go', () => {
    const kills = new OomKills();
    kills.record(START, 900 * MIB);
    assert.equal(kills.summary(START + 8 * DAY_MS).floorBytes, 900 * MIB);
    const later = kills.summary(START + 8 * DAY_MS + HOUR_MS);
    assert.deepEqual([later.count, later.floorBytes], [0, 0]);
  });

  it('stays bounded under a crash loop without losing the floor', () => {
    const kills = new OomKills();
    kills.record(START, 5000 * MIB);
    for (let minute = 1; minute <= 500; minute += 1) kills.record(START + minute * 60_000, 300 * MIB);
    const summary = kills.summary(START + DAY_MS);
    assert.ok(summary.count <= 64, String(summary.count));
    assert.equal(summary.floorBytes, 5000 * MIB);
  });

  it('round-trips through its checkpoint and refuses a malformed one', () => {
    const kills = new OomKills();
    kills.record(START, 300 * MIB);
    kills.record(START + HOUR_MS, 400 * MIB);
    const copy = new OomKills();
    assert.equal(copy.restore(JSON.parse(JSON.stringify(kills.checkpoint()))), true);
    assert.deepEqual(copy.summary(START + HOUR_MS), kills.summary(START + HOUR_MS));
    assert.equal(copy.restore([1, 2, 3]), false);
    assert.equal(copy.restore(['x', 1]), false);
  });
});
