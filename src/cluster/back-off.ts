// The wait before retrying a failed request: client-go's reflector back-off, shared by the reflector's
// loop and the paged list (a page that fails with 429/5xx is retried from its own continue token).
import type { ClusterError } from './cluster-error.ts';

// client-go's reflector back-off (NewExponentialBackoffManager(800ms, 30s, 2min, 2.0, 1.0)):
// 0.8 s doubling to 30 s, each wait stretched by up to 100% jitter.
const BACKOFF_INITIAL_MS = 800;
const BACKOFF_MAX_MS = 30_000;
const BACKOFF_JITTER = 1.0;

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** A timer that an abort ends at once (resolving, not rejecting: the caller checks its signal). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export class BackOff {
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private failures = 0;

  /** Tests pass a sleep that records the waits and a fixed jitter. */
  constructor(sleep: Sleep = abortableSleep, random: () => number = Math.random) {
    this.sleep = sleep;
    this.random = random;
  }

  /** After a success: the next failure waits the shortest time again. */
  reset(): void {
    this.failures = 0;
  }

  /** Waits before the next attempt after `error`; each failure in a row doubles the wait. */
  wait(error: ClusterError, signal: AbortSignal): Promise<void> {
    this.failures += 1;
    const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** (this.failures - 1));
    const jittered = exponential * (1 + BACKOFF_JITTER * this.random());
    // A server's Retry-After is honoured up to the longest back-off: more would stall the view for
    // hours, and past 2^31 ms a timer fires at once, which turned "wait" into a hot retry loop.
    const waitMs = error.retryAfterSeconds === undefined ? jittered : Math.min(Math.max(error.retryAfterSeconds * 1000, BACKOFF_INITIAL_MS), BACKOFF_MAX_MS);
    return this.sleep(waitMs, signal);
  }
}
