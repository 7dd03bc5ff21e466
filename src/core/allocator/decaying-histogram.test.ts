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

  it('holds weights only for the buckets its samples span, whatever order they come in', () => {
    const empty = histogram();
    assert.equal(empty.byteLength, 0);
    const values = [0.5, 0.05, 40, 0.2, 3, 900, 0.01];
    const forward = histogram();
    const backward = histogram();
    values.forEach((value, index) => forward.addSample(value, 1 + index, START + index * HOUR));
    [...values].reverse().forEach((value, index) => backward.addSample(value, values.length - index, START + (values.length - 1 - index) * HOUR));
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9, 1]) assert.equal(backward.percentile(fraction), forward.percentile(fraction), String(fraction));
    const narrow = histogram();
    for (let minute = 0; minute < 1440; minute += 1) narrow.addSample(0.2 + (minute % 10) * 0.01, 1, START + minute * 60_000);
    const spanned = CPU_BUCKETS.findBucket(0.29) - CPU_BUCKETS.findBucket(0.2) + 1;
    assert.ok(narrow.byteLength <= (spanned + 8) * 8, `${narrow.byteLength} bytes for ${spanned} buckets`);
    assert.ok(forward.byteLength <= CPU_BUCKETS.bucketCount * 8);
  });

  it('restores a checkpoint into the same range and answers as the original', () => {
    const original = histogram();
    for (const [index, value] of [2, 0.3, 7, 0.3].entries()) original.addSample(value, 1, START + index * HOUR);
    const copy = histogram();
    assert.equal(copy.restore(original.checkpoint()), true);
    for (const fraction of [0.2, 0.5, 0.8, 1]) assert.equal(copy.percentile(fraction), original.percentile(fraction));
    copy.addSample(0.02, 1, START + 5 * HOUR);
    original.addSample(0.02, 1, START + 5 * HOUR);
    assert.equal(copy.percentile(0.1), original.percentile(0.1));
    assert.equal(copy.restore({ referenceMs: 0, totalWeight: 1, buckets: [CPU_BUCKETS.bucketCount, 1] }), false, 'a bucket outside the scheme');
  });
});
