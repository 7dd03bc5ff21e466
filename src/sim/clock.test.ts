import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimClock } from './clock.ts';

describe('SimClock', () => {
  it('fires timers in due order at their own times when advanced', () => {
    const clock = new SimClock({ start: Date.UTC(2026, 0, 1), frozen: true });
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now() - Date.UTC(2026, 0, 1)}`), 2_000);
    clock.setTimeout(() => fired.push(`a@${clock.now() - Date.UTC(2026, 0, 1)}`), 1_000);
    const every = clock.setInterval(() => fired.push(`tick@${clock.now() - Date.UTC(2026, 0, 1)}`), 1_500);
    clock.advance(3_000);
    assert.deepEqual(fired, ['a@1000', 'tick@1500', 'b@2000', 'tick@3000']);
    clock.clear(every);
    clock.advance(10_000);
    assert.equal(fired.length, 4);
    assert.equal(clock.now(), Date.UTC(2026, 0, 1) + 13_000);
  });

  it('stands still when frozen, and writes Kubernetes timestamps', () => {
    const clock = new SimClock({ start: Date.UTC(2026, 10, 25, 12, 0, 0, 250), frozen: true });
    assert.equal(clock.timestamp(), '2026-11-25T12:00:00Z');
    assert.equal(clock.microTimestamp(), '2026-11-25T12:00:00.250000Z');
    clock.advance(1_000);
    assert.equal(clock.timestamp(), '2026-11-25T12:00:01Z');
  });

  it('settles after each timer through onFired', () => {
    const clock = new SimClock({ frozen: true });
    let settled = 0;
    clock.onFired(() => (settled += 1));
    clock.setInterval(() => undefined, 100);
    clock.advance(1_000);
    assert.equal(settled, 10);
  });
});
