import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUsageLine } from './usage-line.ts';

describe('parseUsageLine', () => {
  it('reads a full sample', () => {
    const result = parseUsageLine('{"ts":"2026-11-20T10:00:00Z","namespace":"shop","pod":"web-7d9f-abc","container":"web","cpu":"250m","memory":"300Mi","oom":true,"workload":"web"}');
    assert.deepEqual(result, {
      ok: true,
      sample: { timeMs: Date.parse('2026-11-20T10:00:00Z'), namespace: 'shop', pod: 'web-7d9f-abc', container: 'web', workload: 'web', cpuCores: 0.25, memoryBytes: 300 * 2 ** 20, oom: true },
    });
  });

  it('defaults the namespace, accepts numbers, and marks a missing figure as NaN', () => {
    const result = parseUsageLine('{"ts":"2026-11-20T10:00:00Z","pod":"p","container":"c","cpu":0.5}');
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.sample.namespace, 'default');
      assert.equal(result.sample.cpuCores, 0.5);
      assert.ok(Number.isNaN(result.sample.memoryBytes));
      assert.equal(result.sample.oom, false);
    }
  });

  it('explains what is wrong with a bad line', () => {
    const reasons = [
      '{"ts":',
      '[1]',
      '{"ts":"yesterday","pod":"p","container":"c","cpu":"1"}',
      '{"ts":"2026-11-20T10:00:00Z","container":"c","cpu":"1"}',
      '{"ts":"2026-11-20T10:00:00Z","pod":"p","container":"c","cpu":"500mb"}',
      '{"ts":"2026-11-20T10:00:00Z","pod":"p","container":"c","memory":"-1Gi"}',
      '{"ts":"2026-11-20T10:00:00Z","pod":"p","container":"c"}',
    ].map((line) => {
      const result = parseUsageLine(line);
      return result.ok ? 'ok' : result.reason;
    });
    assert.deepEqual(reasons, [
      'not JSON',
      'not a JSON object',
      '"ts" is not an ISO timestamp',
      '"pod" and "container" are required',
      '"cpu" is not a quantity: "500mb"',
      '"memory" is not a quantity: "-1Gi"',
      'neither "cpu" nor "memory" given',
    ]);
  });
});
