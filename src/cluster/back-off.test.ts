import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BackOff } from './back-off.ts';
import type { ClusterError } from './cluster-error.ts';

const failed: ClusterError = { kind: 'server', code: 500, message: 'server error (500)' };
const throttled = (retryAfterSeconds: number): ClusterError => ({ kind: 'throttled', code: 429, message: 'throttled (429)', retryAfterSeconds });

function recorded(random = 0): { backOff: BackOff; waits: number[] } {
  const waits: number[] = [];
  return { backOff: new BackOff(async (ms) => void waits.push(ms), () => random), waits };
}

describe('BackOff', () => {
  const signal = new AbortController().signal;

  it('doubles from 0.8 s to at most 30 s, stretched by the jitter, and starts over after reset()', async () => {
    const { backOff, waits } = recorded(0.5);
    for (let failure = 0; failure < 8; failure += 1) await backOff.wait(failed, signal);
    backOff.reset();
    await backOff.wait(failed, signal);
    assert.deepEqual(waits, [1200, 2400, 4800, 9600, 19_200, 38_400, 45_000, 45_000, 1200]);
  });

  it('waits as long as Retry-After says, from 0.8 s up to the longest back-off, without jitter', async () => {
    const { backOff, waits } = recorded(1);
    for (const seconds of [2, 0, 10_000_000]) await backOff.wait(throttled(seconds), signal);
    assert.deepEqual(waits, [2000, 800, 30_000]);
  });

  it('ends a wait at once when aborted', async () => {
    const aborter = new AbortController();
    const started = performance.now();
    const waiting = new BackOff().wait(throttled(30), aborter.signal);
    aborter.abort();
    await waiting;
    assert.ok(performance.now() - started < 1000, 'the 30 s timer was cleared');
  });
});
