/**
 * A controller's retry of a key whose sync failed (a pod the quota refused), as client-go's
 * per-item exponential failure rate limiter spaces them: 5 ms doubling to 1000 s, on the sim's clock.
 */
import type { SimClock } from '../clock.ts';

const baseMs = 5;
const maxMs = 1_000_000;

export class RetryBackoff {
  private readonly clock: SimClock;
  private readonly enqueue: (key: string) => void;
  /** Failures in a row per key, and the keys with a retry pending. */
  private readonly failures = new Map<string, number>();
  private readonly pending = new Set<string>();

  constructor(clock: SimClock, enqueue: (key: string) => void) {
    this.clock = clock;
    this.enqueue = enqueue;
  }

  retry(key: string): void {
    const count = this.failures.get(key) ?? 0;
    this.failures.set(key, count + 1);
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.clock.setTimeout(() => {
      this.pending.delete(key);
      this.enqueue(key);
    }, Math.min(baseMs * 2 ** count, maxMs));
  }

  /** A sync that went through: the next failure starts from the base again. */
  forget(key: string): void {
    this.failures.delete(key);
  }
}
