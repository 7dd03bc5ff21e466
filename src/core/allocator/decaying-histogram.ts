// A histogram whose samples lose half their weight every half-life, after the VPA's
// vertical-pod-autoscaler/pkg/recommender/util/histogram.go and decaying_histogram.go. Instead of
// shrinking old weights, newer samples are added with weight × 2^((t − reference) / halfLife); only
// relative weights matter, so the reference moves forward (rescaling every bucket) before the factor
// could overflow. Time comes in as milliseconds since the epoch: no clock is read here.
import type { BucketScheme } from './bucket-scheme.ts';

// decaying_histogram.go: renormalise once the factor would exceed 2^100.
const MAX_DECAY_EXPONENT = 100;

// Usage is sampled on whole minutes (the metrics API's resolution), so the fraction of a
// half-life is looked up per minute and only a sub-minute remainder needs Math.pow.
const STEP_MS = 60_000;

/**
 * 2^((t − reference) / halfLife), split as 2^(whole half-lives) × 2^(whole minutes) × 2^(rest),
 * the first two from tables. Samples of many series often share a timestamp, so the last one's
 * fraction is remembered too; every histogram with this clock shares both.
 */
export class DecayClock {
  readonly halfLifeMs: number;
  private readonly stepPowers: Float64Array;
  private lastTimeMs = Number.NaN;
  private lastPeriods = 0;
  private lastFraction = 1;

  constructor(halfLifeMs: number) {
    if (!(halfLifeMs > 0)) throw new RangeError('half-life must be > 0');
    this.halfLifeMs = halfLifeMs;
    this.stepPowers = Float64Array.from({ length: Math.ceil(halfLifeMs / STEP_MS) }, (_, step) => 2 ** ((step * STEP_MS) / halfLifeMs));
  }

  /** The factor against a reference of `referencePeriods` whole half-lives since the epoch. */
  factor(timeMs: number, referencePeriods: number): number {
    if (timeMs !== this.lastTimeMs) {
      const halfLife = this.halfLifeMs;
      const periods = Math.floor(timeMs / halfLife);
      const offset = timeMs - periods * halfLife;
      const steps = Math.floor(offset / STEP_MS);
      const rest = offset - steps * STEP_MS;
      this.lastFraction = (this.stepPowers[steps] as number) * (rest === 0 ? 1 : 2 ** (rest / halfLife));
      this.lastPeriods = periods;
      this.lastTimeMs = timeMs;
    }
    const whole = this.lastPeriods - referencePeriods;
    return this.lastFraction * (whole >= MIN_WHOLE_POWER ? (POWERS_OF_TWO[whole - MIN_WHOLE_POWER] as number) : 0);
  }
}

// 2^k for every k a factor can need: 2^-1074 is the smallest double, 2^100 the renormalisation point.
const MIN_WHOLE_POWER = -1074;
const POWERS_OF_TWO = Float64Array.from({ length: MAX_DECAY_EXPONENT + 1 - MIN_WHOLE_POWER }, (_, index) => 2 ** (index + MIN_WHOLE_POWER));

/** A histogram as plain JSON, after the VPA's HistogramCheckpoint (weights kept exact, not rescaled). */
export interface HistogramCheckpoint {
  /** The decay reference in ms since the epoch, a whole number of half-lives. */
  readonly referenceMs: number;
  readonly totalWeight: number;
  /** The non-zero buckets as [bucket, weight, bucket, weight, ...], weights relative to the reference. */
  readonly buckets: readonly number[];
}

function isWeight(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

// Buckets added on either side when the held range grows, so a slowly drifting usage does not
// reallocate at every new bucket.
const GROWTH_SLACK = 4;
const NO_WEIGHTS = new Float64Array(0);

export class DecayingHistogram {
  readonly scheme: BucketScheme;
  readonly clock: DecayClock;
  /**
   * The weights of buckets firstHeld .. firstHeld + weights.length − 1 only: a container's usage
   * spans a few dozen of the 176 buckets, and most start-up histograms stay empty, so a full array
   * per histogram would be most of a container's memory.
   */
  private weights: Float64Array = NO_WEIGHTS;
  private firstHeld = 0;
  private totalWeight = 0;
  private minBucket: number;
  private maxBucket = 0;
  /** The reference time in whole half-lives since the epoch (the VPA keeps it a multiple too). */
  private referencePeriods = 0;
  /** Past this time the factor would exceed 2^MAX_DECAY_EXPONENT: renormalise first. */
  private renormaliseAfterMs: number;

  constructor(scheme: BucketScheme, clock: DecayClock) {
    this.scheme = scheme;
    this.clock = clock;
    this.minBucket = scheme.bucketCount - 1;
    this.renormaliseAfterMs = clock.halfLifeMs * MAX_DECAY_EXPONENT;
  }

  addSample(value: number, weight: number, timeMs: number): void {
    if (!(weight >= 0)) throw new RangeError('sample weight must be non-negative');
    this.record(this.scheme.findBucket(value), weight * this.decayFactor(timeMs));
  }

  /**
   * Samples in time order, all of one weight (a page of history); values that are not numbers ≥ 0
   * are skipped. While the spacing stays the same, each factor is the previous one times
   * 2^(spacing / halfLife), which spares a division per sample; any other step is computed exactly.
   */
  addSamples(values: Float64Array, weight: number, timesMs: Float64Array, count: number): void {
    if (!(weight >= 0)) throw new RangeError('sample weight must be non-negative');
    let lastTimeMs = Number.NaN;
    let lastSpacing = Number.NaN;
    let stepFactor = 1;
    let factor = 0;
    for (let index = 0; index < count; index += 1) {
      const value = values[index] as number;
      if (!(value >= 0)) continue;
      const timeMs = timesMs[index] as number;
      const spacing = timeMs - lastTimeMs;
      if (spacing === lastSpacing && timeMs <= this.renormaliseAfterMs) {
        factor *= stepFactor;
      } else {
        factor = this.decayFactor(timeMs);
        lastSpacing = spacing > 0 ? spacing : Number.NaN;
        stepFactor = 2 ** (spacing / this.clock.halfLifeMs);
      }
      lastTimeMs = timeMs;
      this.record(this.scheme.findBucket(value), weight * factor);
    }
  }

  private record(bucket: number, added: number): void {
    let index = bucket - this.firstHeld;
    if (index < 0 || index >= this.weights.length) index = this.hold(bucket);
    const bucketWeight = (this.weights[index] as number) + added;
    this.weights[index] = bucketWeight;
    this.totalWeight += added;
    if (bucketWeight >= this.scheme.epsilon) {
      if (bucket < this.minBucket) this.minBucket = bucket;
      if (bucket > this.maxBucket) this.maxBucket = bucket;
    }
  }

  /** Removes weight added earlier (a memory peak superseded by a larger one); never goes negative. */
  subtractSample(value: number, weight: number, timeMs: number): void {
    if (!(weight >= 0)) throw new RangeError('sample weight must be non-negative');
    const bucket = this.scheme.findBucket(value);
    const current = this.weightOf(bucket);
    if (current === 0) return;
    let removed = weight * this.decayFactor(timeMs);
    if (removed > current - this.scheme.epsilon) removed = current;
    this.weights[bucket - this.firstHeld] = current - removed;
    this.totalWeight -= removed;
    this.updateMinAndMax();
  }

  isEmpty(): boolean {
    return this.weightOf(this.minBucket) < this.scheme.epsilon;
  }

  /**
   * The end of the bucket where the cumulative weight reaches `fraction` of the total (0.9 = P90),
   * the start of the last bucket (it has no end), 0 for an empty histogram: histogram.go Percentile.
   */
  percentile(fraction: number): number {
    if (this.isEmpty()) return 0;
    const threshold = fraction * this.totalWeight;
    let partialSum = 0;
    let bucket = this.minBucket;
    for (; bucket < this.maxBucket; bucket += 1) {
      partialSum += this.weights[bucket - this.firstHeld] as number;
      if (partialSum >= threshold) break;
    }
    const last = this.scheme.bucketCount - 1;
    return this.scheme.bucketStart(bucket < last ? bucket + 1 : bucket);
  }

  /** Bytes held by the bucket weights, the part that grows with the number of containers. */
  get byteLength(): number {
    return this.weights.byteLength;
  }

  checkpoint(): HistogramCheckpoint {
    const buckets: number[] = [];
    for (let index = 0; index < this.weights.length; index += 1) {
      const weight = this.weights[index] as number;
      if (weight !== 0) buckets.push(this.firstHeld + index, weight);
    }
    return { referenceMs: this.referencePeriods * this.clock.halfLifeMs, totalWeight: this.totalWeight, buckets };
  }

  /** Replaces the content with a checkpoint's; false (nothing changed) when it does not fit this scheme and clock. */
  restore(checkpoint: HistogramCheckpoint): boolean {
    const { halfLifeMs } = this.clock;
    const periods = checkpoint.referenceMs / halfLifeMs;
    const { buckets } = checkpoint;
    if (!Number.isSafeInteger(periods) || !isWeight(checkpoint.totalWeight) || buckets.length % 2 !== 0) return false;
    let low = this.scheme.bucketCount;
    let high = -1;
    for (let index = 0; index < buckets.length; index += 2) {
      const bucket = buckets[index] as number;
      if (!Number.isInteger(bucket) || bucket < 0 || bucket >= this.scheme.bucketCount || !isWeight(buckets[index + 1])) return false;
      low = Math.min(low, bucket);
      high = Math.max(high, bucket);
    }
    this.firstHeld = high < low ? 0 : low;
    this.weights = high < low ? NO_WEIGHTS : new Float64Array(high - low + 1);
    for (let index = 0; index < buckets.length; index += 2) this.weights[(buckets[index] as number) - low] = buckets[index + 1] as number;
    this.totalWeight = checkpoint.totalWeight;
    this.referencePeriods = periods;
    this.renormaliseAfterMs = (periods + MAX_DECAY_EXPONENT) * halfLifeMs;
    this.minBucket = this.firstHeld;
    this.maxBucket = this.firstHeld + Math.max(0, this.weights.length - 1);
    this.updateMinAndMax();
    return true;
  }

  private decayFactor(timeMs: number): number {
    if (timeMs > this.renormaliseAfterMs) this.shiftReference(timeMs);
    return this.clock.factor(timeMs, this.referencePeriods);
  }

  private shiftReference(timeMs: number): void {
    const { halfLifeMs } = this.clock;
    const next = Math.round(timeMs / halfLifeMs);
    const factor = 2 ** (this.referencePeriods - next);
    for (let index = 0; index < this.weights.length; index += 1) this.weights[index] = (this.weights[index] as number) * factor;
    this.totalWeight *= factor;
    this.referencePeriods = next;
    this.renormaliseAfterMs = (next + MAX_DECAY_EXPONENT) * halfLifeMs;
    this.updateMinAndMax();
  }

  private updateMinAndMax(): void {
    const { epsilon } = this.scheme;
    const last = this.scheme.bucketCount - 1;
    while (this.weightOf(this.minBucket) < epsilon && this.minBucket < last) this.minBucket += 1;
    while (this.weightOf(this.maxBucket) < epsilon && this.maxBucket > 0) this.maxBucket -= 1;
  }

  private weightOf(bucket: number): number {
    const index = bucket - this.firstHeld;
    return index >= 0 && index < this.weights.length ? (this.weights[index] as number) : 0;
  }

  /** Widens the held range to include `bucket` (with some slack); returns the bucket's index in it. */
  private hold(bucket: number): number {
    const held = this.weights;
    const empty = held.length === 0;
    const first = Math.max(0, Math.min(bucket - GROWTH_SLACK, empty ? bucket : this.firstHeld));
    const end = Math.min(this.scheme.bucketCount, Math.max(bucket + 1 + GROWTH_SLACK, empty ? 0 : this.firstHeld + held.length));
    const grown = new Float64Array(end - first);
    if (!empty) grown.set(held, this.firstHeld - first);
    this.weights = grown;
    this.firstHeld = first;
    return bucket - first;
  }
}
