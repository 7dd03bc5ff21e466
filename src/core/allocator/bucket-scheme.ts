// Exponential histogram buckets as the VPA recommender defines them
// (kubernetes/autoscaler vertical-pod-autoscaler/pkg/recommender/util/histogram_options.go):
// bucket 0 is [0, first), bucket n starts at first * (ratio^n - 1) / (ratio - 1), the last is open.

export class BucketScheme {
  readonly bucketCount: number;
  readonly firstBucketSize: number;
  readonly ratio: number;
  /** Weight under which a bucket counts as empty. */
  readonly epsilon: number;
  // Precomputed so findBucket costs one Math.log: log_ratio(x) = ln(x) * inverseLogRatio.
  private readonly inverseLogRatio: number;
  private readonly scale: number;
  private readonly starts: Float64Array;

  /** Throws a RangeError on values that make no scheme, as NewExponentialHistogramOptions errs. */
  constructor(maxValue: number, firstBucketSize: number, ratio: number, epsilon: number) {
    const valid = [maxValue, firstBucketSize, ratio, epsilon].every(Number.isFinite);
    if (!valid || maxValue <= 0 || firstBucketSize <= 0 || ratio <= 1 || epsilon <= 0) {
      throw new RangeError('maxValue, firstBucketSize and epsilon must be > 0, ratio must be > 1');
    }
    this.firstBucketSize = firstBucketSize;
    this.ratio = ratio;
    this.epsilon = epsilon;
    this.inverseLogRatio = 1 / Math.log(ratio);
    this.scale = (ratio - 1) / firstBucketSize;
    this.bucketCount = Math.ceil(Math.log(maxValue * this.scale + 1) * this.inverseLogRatio) + 1;
    this.starts = new Float64Array(this.bucketCount);
    for (let bucket = 1; bucket < this.bucketCount; bucket += 1) {
      this.starts[bucket] = (firstBucketSize * (ratio ** bucket - 1)) / (ratio - 1);
    }
  }

  findBucket(value: number): number {
    if (!(value >= this.firstBucketSize)) return 0;
    let bucket = Math.floor(Math.log(value * this.scale + 1) * this.inverseLogRatio);
    if (bucket >= this.bucketCount) return this.bucketCount - 1;
    // The float logarithm can land one bucket off right at an edge; the precomputed starts decide.
    if ((this.starts[bucket] as number) > value) bucket -= 1;
    else if (bucket + 1 < this.bucketCount && (this.starts[bucket + 1] as number) <= value) bucket += 1;
    return bucket;
  }

  bucketStart(bucket: number): number {
    if (!Number.isInteger(bucket) || bucket < 0 || bucket >= this.bucketCount) {
      throw new RangeError(`bucket ${bucket} outside 0..${this.bucketCount - 1}`);
    }
    return this.starts[bucket] as number;
  }
}

// aggregate_container_state.go: MinSampleWeight = 0.1 and epsilon = 0.001 * MinSampleWeight.
export const MIN_SAMPLE_WEIGHT = 0.1;
const HISTOGRAM_EPSILON = 0.001 * MIN_SAMPLE_WEIGHT;

/** CPUHistogramOptions: first bucket 0.01 core, 5% growth, up to 1000 cores (176 buckets). */
export const CPU_BUCKETS = new BucketScheme(1000, 0.01, 1.05, HISTOGRAM_EPSILON);

/** MemoryHistogramOptions: first bucket 1e7 bytes, 5% growth, up to 1e12 bytes (176 buckets). */
export const MEMORY_BUCKETS = new BucketScheme(1e12, 1e7, 1.05, HISTOGRAM_EPSILON);
