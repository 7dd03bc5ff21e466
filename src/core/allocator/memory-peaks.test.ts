import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMORY_BUCKETS } from './bucket-scheme.ts';
import { ContainerUsage, DAY_MS, HOUR_MS } from './container-usage.ts';
import { MemoryPeaks, OOM_MIN_BUMP_BYTES } from './memory-peaks.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MIB = 2 ** 20;

/** The histogram's P100 is the end of the bucket of the largest peak it holds. */
function bucketEnd(bytes: number): number {
  return MEMORY_BUCKETS.bucketStart(MEMORY_BUCKETS.findBucket(bytes) + 1);
}

describe('MemoryPeaks', () => {
  it('keeps one peak per 24 h interval: a larger sample replaces it, a smaller one does not count', () => {
    const usage = new ContainerUsage();
    const peaks = new MemoryPeaks(usage);
    peaks.addSample(100 * MIB, START);
    peaks.addSample(400 * MIB, START + HOUR_MS);
    peaks.addSample(200 * MIB, START + 2 * HOUR_MS);
    // Only the 400 MiB peak is in the histogram: its median is the 400 MiB bucket, not 200 MiB.
    assert.equal(usage.memoryPeaks.percentile(0.01), bucketEnd(400 * MIB));
  });

  it('starts a new peak in the next interval, so each day counts once', () => {
    const usage = new ContainerUsage();
    const peaks = new MemoryPeaks(usage);
    peaks.addSample(800 * MIB, START);
    for (let day = 1; day <= 3; day += 1) {
      for (let hour = 0; hour < 24; hour += 6) peaks.addSample(100 * MIB + hour, START + day * DAY_MS + hour * HOUR_MS);
    }
    // Four peaks: one of 800 MiB (oldest) and three of ~100 MiB; P50 is the 100 MiB bucket.
    assert.equal(usage.memoryPeaks.percentile(0.5), bucketEnd(100 * MIB));
    assert.equal(usage.memoryPeaks.percentile(1), bucketEnd(800 * MIB));
  });

  it('ignores a sample older than the last one', () => {
    const usage = new ContainerUsage();
    const peaks = new MemoryPeaks(usage);
    assert.equal(peaks.addSample(100 * MIB, START + HOUR_MS), true);
    assert.equal(peaks.addSample(900 * MIB, START), false);
    assert.equal(usage.memoryPeaks.percentile(1), bucketEnd(100 * MIB));
  });

  it('bumps memory after an OOM kill to max(used + 100 MiB, 1.2 × used)', () => {
    for (const [used, bumped] of [[200 * MIB, 300 * MIB], [2000 * MIB, 2400 * MIB]] as const) {
      const usage = new ContainerUsage();
      const peaks = new MemoryPeaks(usage);
      peaks.addSample(used / 2, START);
      assert.equal(peaks.recordOom(used, START + HOUR_MS), bumped);
      assert.equal(usage.memoryPeaks.percentile(1), bucketEnd(bumped));
      assert.equal(used + OOM_MIN_BUMP_BYTES === bumped || used * 1.2 === bumped, true);
    }
  });

  it('bumps from the interval peak when it is above the reported usage', () => {
    const usage = new ContainerUsage();
    const peaks = new MemoryPeaks(usage);
    peaks.addSample(1000 * MIB, START + 3 * DAY_MS);
    assert.equal(peaks.recordOom(10 * MIB, START + 3 * DAY_MS + HOUR_MS), 1200 * MIB);
    assert.equal(usage.memoryPeaks.percentile(1), bucketEnd(1200 * MIB));
    assert.equal(peaks.recordOom(10 * MIB, START + 3 * DAY_MS + HOUR_MS), undefined, 'the same kill twice');
  });

  it("keeps an OOM older than the previous interval at its own time and weight (the VPA drops it: issue 4152)", () => {
    const usage = new ContainerUsage();
    const peaks = new MemoryPeaks(usage);
    // Eight days of 400 MiB peaks; the kill, seen only now, happened on day 2 at 900 MiB.
    for (let day = 0; day < 8; day += 1) peaks.addSample(400 * MIB, START + day * DAY_MS);
    assert.equal(peaks.recordOom(900 * MIB, START + 2 * DAY_MS), 1080 * MIB);
    assert.equal(usage.memoryPeaks.percentile(1), bucketEnd(1080 * MIB));
    // Five days old when the last peak came in: 2^-5 of a fresh peak's weight, so the P90 is still
    // the steady 400 MiB; the OOM list is what keeps its bump.
    assert.equal(usage.memoryPeaks.percentile(0.9), bucketEnd(400 * MIB));
    usage.addCpuSample(0.1, START + 7 * DAY_MS);
    const summary = usage.oomKills.summary(usage.lastSampleMs);
    assert.deepEqual([summary.count, summary.floorBytes, summary.floorWeight], [1, 1080 * MIB, 2 ** -5]);
  });
});
