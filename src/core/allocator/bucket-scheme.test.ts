import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BucketScheme, CPU_BUCKETS, MEMORY_BUCKETS } from './bucket-scheme.ts';

describe('BucketScheme', () => {
  it('has the VPA bucket counts: 176 for CPU and memory', () => {
    assert.equal(CPU_BUCKETS.bucketCount, 176);
    assert.equal(MEMORY_BUCKETS.bucketCount, 176);
  });

  it('starts bucket n at first * (ratio^n - 1) / (ratio - 1)', () => {
    assert.equal(CPU_BUCKETS.bucketStart(0), 0);
    assert.equal(CPU_BUCKETS.bucketStart(1), 0.01);
    assert.ok(Math.abs(CPU_BUCKETS.bucketStart(2) - 0.0205) < 1e-12);
    assert.ok(Math.abs(MEMORY_BUCKETS.bucketStart(10) - (1e7 * (1.05 ** 10 - 1)) / 0.05) < 1e-3);
  });

  it('puts values below the first bucket size into bucket 0, and at or above the last start into the last', () => {
    assert.equal(CPU_BUCKETS.findBucket(0), 0);
    assert.equal(CPU_BUCKETS.findBucket(0.0099999), 0);
    assert.equal(CPU_BUCKETS.findBucket(-5), 0);
    assert.equal(CPU_BUCKETS.findBucket(Number.NaN), 0);
    const last = CPU_BUCKETS.bucketCount - 1;
    assert.equal(CPU_BUCKETS.findBucket(CPU_BUCKETS.bucketStart(last)), last);
    assert.equal(CPU_BUCKETS.findBucket(1e9), last);
    assert.equal(MEMORY_BUCKETS.findBucket(Number.POSITIVE_INFINITY), last);
  });

  it('finds the bucket exactly at every edge and just below it', () => {
    for (const scheme of [CPU_BUCKETS, MEMORY_BUCKETS]) {
      for (let bucket = 1; bucket < scheme.bucketCount; bucket += 1) {
        const start = scheme.bucketStart(bucket);
        assert.equal(scheme.findBucket(start), bucket, `start of ${bucket}`);
        assert.equal(scheme.findBucket(start * (1 - 1e-12)), bucket - 1, `just below ${bucket}`);
        assert.equal(scheme.findBucket(start * 1.02), bucket, `inside ${bucket}`);
      }
    }
  });

  it('agrees with the logarithm formula away from the edges', () => {
    const scheme = new BucketScheme(100, 0.5, 1.2, 1e-4);
    for (let value = 0.5; value < 90; value *= 1.013) {
      const expected = Math.floor(Math.log((value * 0.2) / 0.5 + 1) / Math.log(1.2));
      const start = scheme.bucketStart(expected);
      if (Math.abs(value - start) / start > 1e-9) assert.equal(scheme.findBucket(value), expected, String(value));
    }
  });

  it('searches the starts when a scheme spans too many octaves for the table', () => {
    const wide = new BucketScheme(1e12, 1, 2, 1e-4);
    for (let bucket = 1; bucket < wide.bucketCount; bucket += 1) {
      assert.equal(wide.findBucket(wide.bucketStart(bucket)), bucket);
      assert.equal(wide.findBucket(wide.bucketStart(bucket) * 0.999), bucket - 1);
    }
  });

  it('rejects schemes that make no sense', () => {
    assert.throws(() => new BucketScheme(0, 0.01, 1.05, 1e-4), RangeError);
    assert.throws(() => new BucketScheme(1000, -1, 1.05, 1e-4), RangeError);
    assert.throws(() => new BucketScheme(1000, 0.01, 1, 1e-4), RangeError);
    assert.throws(() => new BucketScheme(1000, 0.01, 1.05, 0), RangeError);
    assert.throws(() => new BucketScheme(Number.NaN, 0.01, 1.05, 1e-4), RangeError);
    assert.throws(() => CPU_BUCKETS.bucketStart(176), RangeError);
  });
});
