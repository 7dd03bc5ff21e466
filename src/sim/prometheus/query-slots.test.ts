import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QuerySlots } from './query-slots.ts';

describe('query slots', () => {
  it('runs at most the given number of tasks at once, the rest in order, and frees slots after failures', async () => {
    const slots = new QuerySlots(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const task = (id: number) => () =>
      new Promise<number>((resolve, reject) => {
        running += 1;
        peak = Math.max(peak, running);
        order.push(id);
        releases.push(() => {
          running -= 1;
          if (id === 1) reject(new Error('boom'));
          else resolve(id);
        });
      });
    const results = [1, 2, 3, 4].map((id) => slots.run(task(id)).catch((error: unknown) => (error as Error).message));
    for (let turn = 0; turn < 20 && releases.length < 4; turn += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    for (const release of releases) release();
    assert.deepEqual(await Promise.all(results), ['boom', 2, 3, 4]);
    assert.deepEqual(order, [1, 2, 3, 4]);
    assert.equal(peak, 2);
  });
});
