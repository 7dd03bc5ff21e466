import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastScheduled, parseCron } from './cron-schedule.ts';

const at = (text: string): number => Date.parse(text);

describe('cron schedules', () => {
  it('matches steps, ranges, lists, names and macros', () => {
    assert.ok(parseCron('*/15 * * * *').matches(at('2026-11-25T10:30:00Z')));
    assert.ok(!parseCron('*/15 * * * *').matches(at('2026-11-25T10:31:00Z')));
    assert.ok(parseCron('0 9-17 * * mon-fri').matches(at('2026-11-25T12:00:00Z')));
    assert.ok(!parseCron('0 9-17 * * mon-fri').matches(at('2026-11-29T12:00:00Z')));
    assert.ok(parseCron('@daily').matches(at('2026-11-25T00:00:00Z')));
    assert.ok(parseCron('5,35 0 1 jan *').matches(at('2026-01-01T00:35:00Z')));
  });

  it('rejects malformed schedules', () => {
    for (const bad of ['* * * *', '61 * * * *', '*/0 * * * *', 'x * * * *']) assert.throws(() => parseCron(bad), bad);
  });

  it('finds the latest scheduled minute in a window, or none', () => {
    const hourly = parseCron('@hourly');
    assert.equal(lastScheduled(hourly, at('2026-11-25T09:30:00Z'), at('2026-11-25T11:20:00Z')), at('2026-11-25T11:00:00Z'));
    assert.equal(lastScheduled(hourly, at('2026-11-25T11:00:00Z'), at('2026-11-25T11:20:00Z')), undefined);
  });
});
