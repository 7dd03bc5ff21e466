import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CPU_BUCKETS, MEMORY_BUCKETS } from './bucket-scheme.ts';
import { ContainerUsage, DAY_MS, HOUR_MS } from './container-usage.ts';
import { MemoryPeaks } from './memory-peaks.ts';
import { estimateQuantities, POD_MIN_CPU_CORES, POD_MIN_MEMORY_BYTES, recommendPod, SAFETY_MARGIN } from './recommender.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;
const MIB = 2 ** 20;

/** A container with constant usage sampled once a minute for `durationMs`. */
function steady(cores: number, bytes: number, durationMs: number): ContainerUsage {
  const usage = new ContainerUsage();
  const peaks = new MemoryPeaks(usage);
  for (let time = START; time <= START + durationMs; time += MINUTE) {
    usage.addCpuSample(cores, time);
    peaks.addSample(bytes, time);
  }
  return usage;
}

function only(usage: ContainerUsage, containers = 1) {
  const map = new Map([['app', usage]]);
  for (let extra = 1; extra < containers; extra += 1) map.set(`side${extra}`, new ContainerUsage());
  const recommendation = recommendPod(map).get('app');
  assert.ok(recommendation !== undefined);
  return recommendation;
}

const cpuEnd = (cores: number) => CPU_BUCKETS.bucketStart(CPU_BUCKETS.findBucket(cores) + 1);
const memoryEnd = (bytes: number) => MEMORY_BUCKETS.bucketStart(MEMORY_BUCKETS.findBucket(bytes) + 1);

describe('recommendPod', () => {
  it('says "not enough data" (undefined) for an empty history, never zero', () => {
    const result = recommendPod(new Map([['app', new ContainerUsage()]]));
    assert.equal(result.get('app'), undefined);
    assert.equal(result.size, 1);
  });

  it('targets P90 plus the 15% margin', () => {
    const recommendation = only(steady(2, 2000 * MIB, 7 * DAY_MS));
    assert.ok(Math.abs(recommendation.target.cpu - cpuEnd(2) * (1 + SAFETY_MARGIN)) < 1e-9);
    assert.ok(Math.abs(recommendation.target.memory - memoryEnd(2000 * MIB) * (1 + SAFETY_MARGIN)) < 1e-3);
  });

  for (const [label, durationMs, confidence] of [['12 h', 12 * HOUR_MS, 0.5], ['24 h', DAY_MS, 1], ['7 d', 7 * DAY_MS, 7]] as const) {
    it(`widens the bounds by the confidence multiplier after ${label}`, () => {
      const usage = steady(2, 2000 * MIB, durationMs);
      assert.ok(Math.abs(usage.confidenceDays() - confidence) < 1e-3);
      const recommendation = only(usage);
      const base = cpuEnd(2) * (1 + SAFETY_MARGIN);
      const days = usage.confidenceDays();
      assert.ok(Math.abs(recommendation.upperBound.cpu - base * (1 + 1 / days)) < 1e-9);
      assert.ok(Math.abs(recommendation.lowerBound.cpu - base * (1 + 0.001 / days) ** -2) < 1e-9);
      assert.ok(recommendation.lowerBound.cpu <= recommendation.target.cpu);
      assert.ok(recommendation.upperBound.cpu >= recommendation.target.cpu);
    });
  }

  it('counts confidence in samples when they are sparser than one a minute', () => {
    const usage = new ContainerUsage();
    for (let hour = 0; hour <= 48; hour += 1) usage.addCpuSample(1, START + hour * HOUR_MS);
    assert.equal(usage.confidenceDays(), 49 / 1440);
  });

  it('applies the pod minimums, split over the containers', () => {
    const tiny = () => steady(0.001, MIB, DAY_MS);
    const alone = only(tiny());
    assert.equal(alone.target.cpu, POD_MIN_CPU_CORES);
    assert.equal(alone.target.memory, POD_MIN_MEMORY_BYTES);
    const shared = only(tiny(), 2);
    assert.equal(shared.target.cpu, POD_MIN_CPU_CORES / 2);
    assert.equal(shared.target.memory, POD_MIN_MEMORY_BYTES / 2);
    assert.deepEqual(estimateQuantities(shared.target), { cpu: '13m', memory: '125Mi' });
  });

  it('caps the upper bound of a single sample instead of going infinite', () => {
    const recommendation = only(steady(1, 100 * MIB, 0));
    assert.equal(recommendation.upperBound.cpu, 1000);
    assert.deepEqual(estimateQuantities(recommendation.upperBound), { cpu: '1k', memory: '953675Mi' });
  });

  it('golden: a steady 200m / 300Mi workload for 8 days is targeted within 10% of 230m / 345Mi', () => {
    const recommendation = only(steady(0.2, 300 * MIB, 8 * DAY_MS));
    assert.ok(Math.abs(recommendation.target.cpu / 0.23 - 1) <= 0.1, String(recommendation.target.cpu));
    assert.ok(Math.abs(recommendation.target.memory / (345 * MIB) - 1) <= 0.1, String(recommendation.target.memory));
  });
});
