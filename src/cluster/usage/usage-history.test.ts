import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageHistory } from './usage-history.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const MIB = 2 ** 20;
const web = (pod: string) => ({ namespace: 'shop', pod, container: 'app' });

/** `minutes` of one sample a minute from two pods of the Deployment "web". */
function sampled(history: UsageHistory, minutes: number, from = START): void {
  for (let minute = 0; minute < minutes; minute += 1) {
    const time = from + minute * MINUTE;
    history.addSample(web('web-7d9f8c6b5d-x2k4p'), time, 0.2 + (minute % 10) / 100, 300 * MIB);
    history.addSample(web('web-7d9f8c6b5d-q8zvn'), time, 0.4, 350 * MIB);
  }
}

describe('UsageHistory', () => {
  it('folds the pods of a workload into one container with a recommendation and a chart', () => {
    const history = new UsageHistory();
    sampled(history, 120);
    const [usage, ...rest] = history.usage(START + 2 * 60 * MINUTE);
    assert.equal(rest.length, 0);
    assert.ok(usage !== undefined);
    assert.deepEqual([usage.namespace, usage.workload, usage.container], ['shop', 'web', 'app']);
    assert.ok(usage.recommendation !== undefined);
    assert.ok(usage.recommendation.target.cpu >= 0.4 && usage.recommendation.target.memory >= 350 * MIB);
    assert.equal(usage.firstSampleMs, START);
    assert.equal(usage.lastSampleMs, START + 119 * MINUTE);
    // 240 samples of one minute: a sixth of a day, but the span (119 minutes) is shorter.
    assert.equal(usage.confidenceDays, (119 * MINUTE) / DAY);
    assert.equal(usage.chart.memory.at(-2), 350 * MIB);
    assert.ok(Math.abs((usage.chart.cpu.at(-2) as number) - (0.2 + 0.045 + 0.4) / 2) < 1e-9);
    assert.deepEqual(history.find('shop', 'web', 'app', START + 2 * 60 * MINUTE), usage);
    assert.equal(history.find('shop', 'web', 'sidecar', START), undefined);
  });

  it('skips a repeated sample of the same pod (the metrics API had not refreshed)', () => {
    const history = new UsageHistory();
    history.addSample(web('web-7d9f8c6b5d-x2k4p'), START, 0.5, 100 * MIB);
    history.addSample(web('web-7d9f8c6b5d-x2k4p'), START, 0.5, 100 * MIB);
    assert.equal(history.find('shop', 'web', 'app', START)?.confidenceDays, 0);
    history.addSample(web('web-7d9f8c6b5d-x2k4p'), START + DAY, 0.5, 100 * MIB);
    // Two samples, not three: 2 / 1440 days.
    assert.equal(history.find('shop', 'web', 'app', START)?.confidenceDays, 2 / 1440);
  });

  it('takes history through the sink, a 5-minute point counting as five samples', () => {
    const history = new UsageHistory();
    const times = Float64Array.from({ length: 2 * 288 }, (_, index) => START + index * 5 * MINUTE);
    history.sink({ namespace: 'shop', pod: 'db-0', container: 'pg' }, 'cpu', times, new Float64Array(times.length).fill(1), 5);
    history.sink({ namespace: 'shop', pod: 'db-0', container: 'pg' }, 'memory', times, new Float64Array(times.length).fill(2e9), 5);
    const usage = history.find('shop', 'db', 'pg', START + 2 * DAY);
    assert.ok(usage?.recommendation !== undefined);
    // Two days at a 5-minute step: the span (2 days less one step) limits confidence, not the point count.
    assert.equal(usage.confidenceDays, (2 * DAY - 5 * MINUTE) / DAY);
  });

  it('restores from its checkpoint to the same answers, and a history load does not count stored samples twice', () => {
    const history = new UsageHistory();
    sampled(history, 3000);
    const now = START + 3000 * MINUTE;
    const restored = new UsageHistory();
    assert.equal(restored.restore(JSON.parse(JSON.stringify(history.checkpoint()))), 0);
    const expected = history.usage(now)[0];
    const actual = restored.usage(now)[0];
    assert.ok(expected !== undefined && actual !== undefined);
    assert.deepEqual(actual.recommendation, expected.recommendation);
    assert.equal(actual.confidenceDays, expected.confidenceDays);
    // The same minutes again from a history source change nothing.
    const times = Float64Array.from({ length: 3000 }, (_, index) => START + index * MINUTE);
    restored.sink(web('web-7d9f8c6b5d-q8zvn'), 'cpu', times, new Float64Array(3000).fill(5), 1);
    assert.equal(restored.usage(now)[0]?.confidenceDays, expected.confidenceDays);
    assert.deepEqual(restored.usage(now)[0]?.recommendation, expected.recommendation);
  });

  it('skips malformed stored containers and keeps the good ones', () => {
    const history = new UsageHistory();
    sampled(history, 10);
    const [good] = history.checkpoint();
    const restored = new UsageHistory();
    assert.equal(restored.restore([good, { ...good, container: 'other', usage: { cpu: 1 } }, { ...good, container: 'x', chart: 'bad' }, 42]), 3);
    assert.equal(restored.size, 1);
  });

  it('expires containers with no sample for eight days and keeps the bound by dropping the stalest', () => {
    const history = new UsageHistory(2);
    history.addSample({ namespace: 'a', pod: 'old-0', container: 'c' }, START, 0.1, MIB);
    history.addSample({ namespace: 'a', pod: 'mid-0', container: 'c' }, START + 5 * DAY, 0.1, MIB);
    history.addSample({ namespace: 'a', pod: 'new-0', container: 'c' }, START + 6 * DAY, 0.1, MIB);
    history.addSample({ namespace: 'a', pod: 'newest-0', container: 'c' }, START + 7 * DAY, 0.1, MIB);
    assert.equal(history.size, 4);
    assert.equal(history.expire(START + 8 * DAY + MINUTE), 2);
    assert.deepEqual(
      history.usage(START + 8 * DAY).map((usage) => usage.workload),
      ['new', 'newest'],
    );
  });
});
