import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figureLine, misses, verdict, type Figure } from '../bench/report.ts';

const fast: Figure = { name: 'lint on save', value: 12, unit: 'ms', target: { op: '<', value: 30 } };
const slow: Figure = { ...fast, value: 31 };
const ratio = (value: number, baseline: number): Figure => ({ name: 'corpus', value, unit: 'ms', baseline: { name: 'js-yaml', value: baseline, target: { op: '<=', value: 2 } } });

describe('bench report', () => {
  it('names each missed target and ratio, and nothing for met ones or figures without a target', () => {
    assert.deepEqual(misses(fast), []);
    assert.deepEqual(misses(slow), ['31.00 ms (target < 30.00 ms)']);
    assert.deepEqual(misses(ratio(200, 100)), []);
    assert.deepEqual(misses(ratio(201, 100)), ['2.01x js-yaml (target <= 2x)']);
    assert.deepEqual(misses({ name: 'memory per pod', value: 900, unit: 'bytes' }), []);
    assert.deepEqual(misses({ ...slow, baseline: { name: 'kubectl', value: 10, target: { op: '<', value: 1 } } }), ['31.00 ms (target < 30.00 ms)', '3.10x kubectl (target < 1x)']);
  });

  it('counts a measurement that came out NaN (a zero baseline) as missed', () => {
    assert.equal(misses(ratio(0, 0)).length, 1);
    assert.equal(misses({ ...fast, value: Number.NaN }).length, 1);
  });

  it('prints MET / MISSED on the figure line', () => {
    assert.equal(figureLine(fast), '  lint on save: 12.00 ms | target < 30.00 ms MET');
    assert.equal(figureLine(ratio(250, 100)), '  corpus: 250 ms | 2.50x js-yaml (100 ms) target <= 2x MISSED');
  });

  it('exits 1 on a missed target only with --check, on a failed benchmark always, and lists the misses', () => {
    const missed = ['lint / lint on save: 31.00 ms (target < 30.00 ms)'];
    assert.deepEqual(verdict({ figures: 3, missed, failed: 0 }, true), {
      lines: ['bench: 3 figures, 1 targets missed, 0 benchmarks failed', 'missed: lint / lint on save: 31.00 ms (target < 30.00 ms)'],
      exitCode: 1,
    });
    assert.equal(verdict({ figures: 3, missed, failed: 0 }, false).exitCode, 0);
    assert.equal(verdict({ figures: 3, missed: [], failed: 0 }, true).exitCode, 0);
    assert.equal(verdict({ figures: 0, missed: [], failed: 1 }, false).exitCode, 1);
    assert.deepEqual(verdict({ figures: 3, missed: [], failed: 0 }, true).lines, ['bench: 3 figures, 0 targets missed, 0 benchmarks failed']);
  });
});
