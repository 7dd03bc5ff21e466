import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineSplitter } from './line-splitter.ts';

function split(chunks: readonly string[], maxChars = 10): (string | 'TOO LONG')[] {
  const lines: (string | 'TOO LONG')[] = [];
  const splitter = new LineSplitter(maxChars, (line) => lines.push(line), () => lines.push('TOO LONG'));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  it('joins lines split across chunks and drops LF and CRLF', () => {
    assert.deepEqual(split(['a\r\nb', 'c\n', '\nd']), ['a', 'bc', '', 'd']);
  });

  it('reports a line over the bound once and goes on after its line break', () => {
    assert.deepEqual(split(['short\n0123456789ABC\nok\n']), ['short', 'TOO LONG', 'ok']);
    assert.deepEqual(split(['01234', '56789', 'ABCDE', 'FGH', '\nok']), ['TOO LONG', 'ok']);
  });

  it('holds at most the bound of a stream that never sends a line break', () => {
    let reports = 0;
    const splitter = new LineSplitter(1024, () => assert.fail('no line'), () => (reports += 1));
    const chunk = 'x'.repeat(65_536);
    for (let index = 0; index < 2_000; index += 1) splitter.push(chunk);
    splitter.end();
    assert.equal(reports, 1);
    assert.equal((splitter as unknown as { pending: string }).pending, '');
  });
});
