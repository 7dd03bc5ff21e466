// Exponential histogram buckets as the VPA recommender defines them
// (kubernetes/autoscaler vertical-pod-autoscaler/pkg/recommender/util/histogram_options.go):
// bucket 0 is [0, first), bucket n starts at first * (ratio^n - 1) / (ratio - 1), the last is open.

// findBucket runs for every sample (tens of millions a second), so instead of a logarithm it finds
// the octave of x = value * (ratio - 1) / first + 1 (x ≥ 1) with Math.clz32 and the position inside
// it in 1/32 steps: a table maps that slice to the bucket of its lower edge (2^(1/32) is finer than a
// 5% bucket), and the precomputed bucket starts settle the rest exactly.
const SLICES_PER_OCTAVE = 32;
// Octaves of x the table covers (x < 2^30); a scheme needing more falls back to binary search.
const MAX_OCTAVES = 30;
const INVERSE_POWERS = Float64Array.from({ length: MAX_OCTAVES + 1 }, (_, octave) => 2 ** -octave);

export class BucketScheme {
  readonly bucketCount: number;
  readonly firstBucketSize: number;
  readonly ratio: number;
  /** Weight under which a bucket counts as empty. */
  readonly epsilon: number;
  private readonly scale: number;
  private readonly starts: Float64Array;
  /** Empty when x would outgrow the table; findBucket then searches the starts. */
  private readonly sliceBuckets: Uint32Array;
  private readonly lastStart: number;

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
    this.lastStart = this.starts[this.bucketCount - 1] as number;
    const octaves = Math.floor(Math.log2(this.lastStart * this.scale + 1)) + 1;
    this.sliceBuckets = new Uint32Array(octaves <= MAX_OCTAVES ? octaves * SLICES_PER_OCTAVE : 0);
    for (let slice = 0; slice < this.sliceBuckets.length; slice += 1) {
      const octave = Math.floor(slice / SLICES_PER_OCTAVE);
      const lowestX = 2 ** octave * (1 + (slice % SLICES_PER_OCTAVE) / SLICES_PER_OCTAVE);
      // One bucket lower than the slice's lowest value, for float noise at the slice edge.
      this.sliceBuckets[slice] = Math.max(0, this.bucketByStarts((lowestX - 1) / this.scale) - 1);
    }
  }

  findBucket(value: number): number {
    if (!(value >= this.firstBucketSize)) return 0;
    if (value >= this.lastStart) return this.bucketCount - 1;
    if (this.sliceBuckets.length === 0) return this.bucketByStarts(value);
    const x = value * this.scale + 1;
    const octave = 31 - Math.clz32(x);
    const slice = octave * SLICES_PER_OCTAVE + (((x * (INVERSE_POWERS[octave] as number) - 1) * SLICES_PER_OCTAVE) | 0);
    let bucket = this.sliceBuckets[slice] as number;
    while ((this.starts[bucket + 1] as number) <= value) bucket += 1;
    return bucket;
  }

  bucketStart(bucket: number): number {
    if (!Number.isInteger(bucket) || bucket < 0 || bucket >= this.bucketCount) {
      throw new RangeError(`bucket ${bucket} outside 0..${this.bucketCount - 1}`);
    }
    return this.starts[bucket] as number;
  }

  /** The last bucket whose start is ≤ value, by binary search. */
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
