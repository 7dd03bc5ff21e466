import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberFlag } from './number-flag.ts';
import { UsageError } from './usage-error.ts';

const seconds = { min: 1, max: 3600, whole: false };
const count = { min: 0, max: 100, whole: true };

describe('numberFlag', () => {
  it('reads numbers in range and falls back when the flag is absent', () => {
    assert.equal(numberFlag('timeout', '2.5', 60, seconds), 2.5);
    assert.equal(numberFlag('timeout', '3600', 60, seconds), 3600);
    assert.equal(numberFlag('timeout', undefined, 60, seconds), 60);
    assert.equal(numberFlag('nodes', '0', 3, count), 0);
  });

  it('rejects overflowing, signed, exotic and out-of-range values with the flag and its range', () => {
    for (const text of ['1e400', 'Infinity', '-5', '0', '3601', '', ' ', '0x10', 'NaN', '1.', 'many']) {
      assert.throws(() => numberFlag('timeout', text, 60, seconds), (error: Error) => {
        assert.ok(error instanceof UsageError);
        assert.equal(error.message, `--timeout must be a number from 1 to 3600, not '${text}'`);
        return true;
      });
    }
  });

  it('wants whole numbers for counts', () => {
    assert.throws(() => numberFlag('nodes', '2.5', 3, count), { message: "--nodes must be a whole number from 0 to 100, not '2.5'" });
  });
});
