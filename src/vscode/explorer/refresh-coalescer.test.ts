// The coalescer's pace on a mocked clock: three flushes may fire back to back, then no more than
// three per three intervals; rows marked meanwhile fire together, and too many become one full refresh.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { RefreshCoalescer } from './refresh-coalescer.ts';

describe('RefreshCoalescer', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
  afterEach(() => mock.timers.reset());

  it('fires three refreshes back to back, then holds the fourth until three intervals after the first', () => {
    const fired: (string[] | undefined)[] = [];
    const coalescer = new RefreshCoalescer<string>((elements) => fired.push(elements), 250);
    for (const row of ['version', 'leases', 'nodes']) {
      coalescer.add(row);
      mock.timers.tick(0);
      mock.timers.tick(20);
    }
    assert.deepEqual(fired, [['version'], ['leases'], ['nodes']]);
    coalescer.add('a');
    coalescer.add('b');
    // The first fired at 0; it is 60 ms later.
    mock.timers.tick(689);
    assert.equal(fired.length, 3);
    mock.timers.tick(1);
    assert.deepEqual(fired.at(-1), ['a', 'b']);
    coalescer.dispose();
  });

  it('refreshes the whole tree when too many rows changed', () => {
    const fired: (number[] | undefined)[] = [];
    const coalescer = new RefreshCoalescer<number>((elements) => fired.push(elements), 250);
    for (let row = 0; row < 201; row += 1) coalescer.add(row);
    mock.timers.tick(0);
    assert.deepEqual(fired, [undefined]);
    coalescer.dispose();
  });
});
