import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContainerUsage, DAY_MS } from './container-usage.ts';
import { MemoryPeaks } from './memory-peaks.ts';
import { recommendPod } from './recommender.ts';
import { StartupWindow } from './startup-peaks.ts';
import { restoreUsage, usageCheckpoint } from './usage-checkpoint.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;
const MIB = 2 ** 20;

/** Three days of a varying container, with a larger memory spike on day two. */
function sampled(): { usage: ContainerUsage; peaks: MemoryPeaks } {
  const usage = new ContainerUsage();
  const peaks = new MemoryPeaks(usage);
  for (let minute = 0; minute < 3 * 1440; minute += 1) {
    const time = START + minute * MINUTE;
    usage.addCpuSample(0.2 + (minute % 97) / 200, time, 0.5);
    peaks.addSample((300 + (minute % 61)) * MIB + (minute === 2000 ? 500 * MIB : 0), time);
  }
  return { usage, peaks };
}

const recommendation = (usage: ContainerUsage) => recommendPod(new Map([['app', usage]])).get('app');

describe('usage checkpoints', () => {
  it('keeps the OOM kills and the start-up peaks, and still reads a checkpoint without them', () => {
    const { usage, peaks } = sampled();
    peaks.recordOom(900 * MIB, START + DAY_MS);
    new StartupWindow(usage.startup).take(START, START, 2, 1500 * MIB);
    const checkpoint = JSON.parse(JSON.stringify(usageCheckpoint(usage))) as Record<string, unknown>;
    const restored = restoreUsage(checkpoint);
    assert.ok(restored.ok);
    assert.deepEqual(restored.value.oomKills.summary(usage.lastSampleMs), usage.oomKills.summary(usage.lastSampleMs));
    assert.equal(restored.value.startup.starts, 1);
    assert.deepEqual(recommendation(restored.value), recommendation(usage));
    const older = restoreUsage({ ...checkpoint, oomKills: undefined, startup: undefined });
    assert.ok(older.ok);
    assert.equal(older.value.oomKills.summary(usage.lastSampleMs).count, 0);
    assert.equal(restoreUsage({ ...checkpoint, oomKills: [1] }).ok, false);
  });

  it('restores through JSON to a usage with the same recommendation and confidence', () => {
    const { usage } = sampled();
    const restored = restoreUsage(JSON.parse(JSON.stringify(usageCheckpoint(usage))));
    assert.ok(restored.ok);
    assert.deepEqual(recommendation(restored.value), recommendation(usage));
    assert.equal(restored.value.confidenceDays(), usage.confidenceDays());
    assert.equal(restored.value.lastSampleMs, usage.lastSampleMs);
  });

  it('keeps sampling after a restore exactly as without it, the open memory interval included', () => {
    const original = sampled();
    const restoredUsage = restoreUsage(JSON.parse(JSON.stringify(usageCheckpoint(original.usage))));
    assert.ok(restoredUsage.ok);
    const restoredPeaks = new MemoryPeaks(restoredUsage.value);
    const peaksCheckpoint = original.peaks.checkpoint();
    assert.ok(peaksCheckpoint !== undefined && restoredPeaks.restore(peaksCheckpoint));
    // A new peak inside the open interval (it replaces that day's peak), then a sample past the decay
    // renormalisation point (100 half-lives), where the reference must carry over.
    for (const time of [START + 3 * DAY_MS - MINUTE, START + 101 * DAY_MS]) {
      for (const { usage, peaks } of [original, { usage: restoredUsage.value, peaks: restoredPeaks }]) {
        usage.addCpuSample(3, time, 0.5);
        peaks.addSample(900 * MIB, time);
      }
      assert.deepEqual(usageCheckpoint(restoredUsage.value), usageCheckpoint(original.usage));
    }
  });

  it('keeps an empty usage empty', () => {
    const restored = restoreUsage(JSON.parse(JSON.stringify(usageCheckpoint(new ContainerUsage()))));
    assert.ok(restored.ok);
    assert.equal(restored.value.hasData(), false);
    assert.equal(restored.value.lastSampleMs, Number.NEGATIVE_INFINITY);
  });

  it('rejects malformed input with a reason instead of throwing', () => {
    const good = usageCheckpoint(sampled().usage);
    const cases: [unknown, RegExp][] = [
      [null, /not an object/],
      [{ ...good, cpu: { referenceMs: 0, totalWeight: 1 } }, /histogram/],
      [{ ...good, cpu: { ...good.cpu, buckets: [9999, 1] } }, /bucket scheme/],
      [{ ...good, memoryPeaks: { ...good.memoryPeaks, buckets: [1, -1] } }, /bucket scheme/],
      [{ ...good, cpuSampleCount: 1.5 }, /sample count/],
      [{ ...good, firstSampleMs: null }, /sample times/],
    ];
    for (const [input, reason] of cases) {
      const restored = restoreUsage(input);
      assert.ok(!restored.ok);
      assert.match(restored.error, reason);
    }
  });

  it('counts a point that stands for several minutes as that many samples', () => {
    const usage = new ContainerUsage();
    const times = Float64Array.from({ length: 288 }, (_, index) => START + index * 5 * MINUTE);
    usage.addCpuSamples(new Float64Array(288).fill(0.3), times, 288, 0, 5);
    // A day at a 5-minute step is a day of confidence, not a fifth of one.
    assert.equal(usage.cpuSampleCount, 1440);
    assert.ok(Math.abs(usage.confidenceDays() - (287 * 5) / 1440) < 1e-9);
  });
});
