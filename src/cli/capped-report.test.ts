import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CappedReport } from './capped-report.ts';

describe('CappedReport', () => {
  it('writes the first lines and sums up the rest in one line', () => {
    const lines: string[] = [];
    const report = new CappedReport((text) => lines.push(text), 2);
    for (let index = 1; index <= 1_000_002; index += 1) report.add(`bad ${index}`);
    report.finish('usage.jsonl', 'bad lines skipped');
    assert.deepEqual(lines, ['bad 1\n', 'bad 2\n', 'usage.jsonl: and 1,000,000 more bad lines skipped\n']);
  });

  it('adds no closing line when nothing was left out', () => {
    const lines: string[] = [];
    const report = new CappedReport((text) => lines.push(text), 2);
    report.add('only');
    report.finish('x', 'y');
    assert.deepEqual(lines, ['only\n']);
  });
});
