// Exponential histogram buckets as the VPA recommender defines them
// (kubernetes/autoscaler vertical-pod-autoscaler/pkg/recommender/util/histogram_options.go):
// bucket 0 is [0, first), bucket n starts at first * (ratio^n - 1) / (ratio - 1), the last is open.

// findBucket runs for every sample (tens of millions a second), so instead of a logarithm it reads
// the float's exponent and top mantissa bits of value * (ratio - 1) / first + 1: 2^5 slices per
// octave are each narrower than a bucket at ratio 1.05, so a table gives the bucket or the one before.
const SLICE_BITS = 5;
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export class BucketScheme {
  readonly bucketCount: number;
  readonly firstBucketSize: number;
  readonly ratio: number;
  /** Weight under which a bucket counts as empty. */
  readonly epsilon: number;
  private readonly scale: number;
  private readonly starts: Float64Array;
  private readonly sliceBuckets: Uint16Array;
  private readonly firstSlice: number;
  private readonly lastSliceValue: number;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** Throws a RangeError on values that make no scheme, as NewExponentialHistogramOptions errs. */
  constructor(maxValue: number, firstBucketSize: number, ratio: number, epsilon: number) {
    const valid = [maxValue, firstBucketSize, ratio, epsilon].every(Number.isFinite);
    if (!valid || maxValue <= 0 || firstBucketSize <= 0 || ratio <= 1 || epsilon <= 0) {
      throw new RangeError('maxValue, firstBucketSize and epsilon must be > 0, ratio must be > 1');
    }
    this.firstBucketSize = firstBucketSize;
    this.ratio = ratio;
    this.epsilon = epsilon;
    this.scale = (ratio - 1) / firstBucketSize;
    this.bucketCount = Math.ceil(Math.log(maxValue * this.scale + 1) / Math.log(ratio)) + 1;
    this.starts = new Float64Array(this.bucketCount);
    for (let bucket = 1; bucket < this.bucketCount; bucket += 1) {
      this.starts[bucket] = (firstBucketSize * (ratio ** bucket - 1)) / (ratio - 1);
    }
    const last = this.bucketCount - 1;
    this.lastSliceValue = this.starts[last] as number;
    this.firstSlice = this.slice(1);
    const sliceCount = this.slice(this.lastSliceValue * this.scale + 1) - this.firstSlice + 1;
    this.sliceBuckets = new Uint16Array(sliceCount);
    for (let index = 0; index < sliceCount; index += 1) {
      // The smallest value of the slice, one bucket lower for float noise at the slice edge.
      this.words[HIGH_WORD] = (this.firstSlice + index) << (20 - SLICE_BITS);
      this.words[1 - HIGH_WORD] = 0;
      const lowest = ((this.bits[0] as number) - 1) / this.scale;
      this.sliceBuckets[index] = Math.max(0, this.bucketByStarts(lowest) - 1);
    }
  }

  findBucket(value: number): number {
    if (!(value >= this.firstBucketSize)) return 0;
    if (value >= this.lastSliceValue) return this.bucketCount - 1;
    let bucket = this.sliceBuckets[this.slice(value * this.scale + 1) - this.firstSlice] as number;
    while ((this.starts[bucket + 1] as number) <= value) bucket += 1;
    return bucket;
  }

  bucketStart(bucket: number): number {
    if (!Number.isInteger(bucket) || bucket < 0 || bucket >= this.bucketCount) {
      throw new RangeError(`bucket ${bucket} outside 0..${this.bucketCount - 1}`);
    }
    return this.starts[bucket] as number;
  }

  /** Exponent and top mantissa bits of a float ≥ 1. */
  private slice(x: number): number {
    this.bits[0] = x;
    return (this.words[HIGH_WORD] as number) >>> (20 - SLICE_BITS);
  }

  /** The last bucket whose start is ≤ value, by binary search (table building only). */
  private bucketByStarts(value: number): number {
    let low = 0;
    let high = this.bucketCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= value) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

// aggregate_container_state.go: MinSampleWeight = 0.1 and epsilon = 0.001 * MinSampleWeight.
export const MIN_SAMPLE_WEIGHT = 0.1;
const HISTOGRAM_EPSILON = 0.001 * MIN_SAMPLE_WEIGHT;

/** CPUHistogramOptions: first bucket 0.01 core, 5% growth, up to 1000 cores (176 buckets). */
export const CPU_BUCKETS = new BucketScheme(1000, 0.01, 1.05, HISTOGRAM_EPSILON);

/** MemoryHistogramOptions: first bucket 1e7 bytes, 5% growth, up to 1e12 bytes (176 buckets). */
export const MEMORY_BUCKETS = new BucketScheme(1e12, 1e7, 1.05, HISTOGRAM_EPSILON);
