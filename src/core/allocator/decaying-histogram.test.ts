import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BucketScheme, CPU_BUCKETS } from './bucket-scheme.ts';
import { DecayClock, DecayingHistogram } from './decaying-histogram.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-11-01T00:00:00Z');
// Unit buckets of width 1 up to 100 (ratio close to 1 would be exponential; this keeps maths plain).
const LINEAR_ISH = new BucketScheme(100, 1, 1.0001, 1e-4);

function histogram(scheme = CPU_BUCKETS): DecayingHistogram {
  return new DecayingHistogram(scheme, new DecayClock(DAY));
}

describe('DecayingHistogram', () => {
  it('is empty until a sample arrives, and then answers with the end of its bucket', () => {
    const h = histogram();
    assert.equal(h.isEmpty(), true);
    assert.equal(h.percentile(0.9), 0);
    h.addSample(0.2, 1, START);
    assert.equal(h.isEmpty(), false);
    const bucket = CPU_BUCKETS.findBucket(0.2);
    assert.equal(h.percentile(0.5), CPU_BUCKETS.bucketStart(bucket + 1));
  });

  it('gives a sample 24 h old half the weight of a new one', () => {
    const h = histogram();
    // Old sample at 1 core with weight 2, new one at 2 cores with weight 1: after one half-life both
    // weigh the same, so the median sits exactly at the boundary (the first bucket reaches 50%).
    h.addSample(1, 2, START);
    h.addSample(2, 1, START + DAY);
    assert.equal(h.percentile(0.5), CPU_BUCKETS.bucketStart(CPU_BUCKETS.findBucket(1) + 1));
    assert.equal(h.percentile(0.51), CPU_BUCKETS.bucketStart(CPU_BUCKETS.findBucket(2) + 1));
    // Slightly less than twice the weight: the old sample no longer reaches half.
    const g = histogram();
    g.addSample(1, 1.99, START);
    g.addSample(2, 1, START + DAY);
    assert.equal(g.percentile(0.5), CPU_BUCKETS.bucketStart(CPU_BUCKETS.findBucket(2) + 1));
  });

  it('computes percentiles of a known uniform distribution', () => {
    const h = histogram(LINEAR_ISH);
    for (let value = 1; value <= 100; value += 1) h.addSample(value - 0.5, 1, START);
    for (const fraction of [0.5, 0.9, 0.95]) {
      const expected = LINEAR_ISH.bucketStart(LINEAR_ISH.findBucket(fraction * 100 - 0.5) + 1);
      assert.equal(h.percentile(fraction), expected, String(fraction));
    }
  });

  it('survives months of samples: renormalises instead of overflowing', () => {
    const h = histogram();
    for (let day = 0; day < 400; day += 1) h.addSample(day < 390 ? 0.1 : 5, 1, START + day * DAY);
    // The last 10 days outweigh 390 older ones by far.
    assert.equal(h.percentile(0.5), CPU_BUCKETS.bucketStart(CPU_BUCKETS.findBucket(5) + 1));
    assert.ok(Number.isFinite(h.percentile(0.99)));
  });

  it('subtracts a sample it holds, never below zero', () => {
    const h = histogram();
    h.addSample(1, 1, START);
    h.addSample(3, 1, START);
    h.subtractSample(3, 5, START);
    assert.equal(h.percentile(1), CPU_BUCKETS.bucketStart(CPU_BUCKETS.findBucket(1) + 1));
    h.subtractSample(1, 1, START);
    assert.equal(h.isEmpty(), true);
  });

  it('adds a batch exactly as one sample at a time, skipping values that are not numbers ≥ 0', () => {
    const count = 3 * 1440;
    const times = Float64Array.from({ length: count }, (_, index) => START + index * 60_000 + (index % 700 === 0 ? 30_000 : 0));
    const values = Float64Array.from({ length: count }, (_, index) => (index === 5 ? Number.NaN : 0.05 + ((index * 37) % 101) * 0.01));
    const one = histogram();
    const batch = histogram();
    values.forEach((value, index) => {
      if (value >= 0) one.addSample(value, 0.1, times[index] as number);
    });
    batch.addSamples(values, 0.1, times, count);
    for (const fraction of [0.1, 0.5, 0.9, 0.95, 0.999]) assert.equal(batch.percentile(fraction), one.percentile(fraction), String(fraction));
  });

  it('renormalises inside a batch that spans more than 100 half-lives', () => {
    const count = 120;
    const times = Float64Array.from({ length: count }, (_, index) => START + index * DAY);
    const values = Float64Array.from({ length: count }, (_, index) => (index < 110 ? 0.1 : 5));
    const h = histogram();
    h.addSamples(values, 1, times, count);
    assert.equal(h.percentile(0.5), CPU_BUCKETS.bucketStart(CPU_BUCKETS.findBucket(5) + 1));
  });

  it('rejects negative weights', () => {
    assert.throws(() => histogram().addSample(1, -1, START), RangeError);
    assert.throws(() => histogram().addSamples(new Float64Array(1), -1, new Float64Array(1), 1), RangeError);
    assert.throws(() => new DecayClock(0), RangeError);
  });

  it('holds under 2 KB of bucket weights', () => {
    assert.ok(histogram().byteLength <= 176 * 8);
  });
});
