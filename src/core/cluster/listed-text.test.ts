import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cappedNotes, counted, firstOf, intOrString, MAX_NOTES, parts, selectorText } from './listed-text.ts';

describe('listed row text helpers', () => {
  it('writes a label selector as kubectl does, empty when it selects everything', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'canary', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    };
    assert.equal(selectorText(selector), 'app=web,tier in (a,b),env notin (dev),canary,!legacy');
    assert.equal(selectorText({}), '');
    assert.equal(selectorText(undefined), '');
  });

  it('counts with the right word, joins parts, and shortens lists', () => {
    assert.deepEqual([counted(1, 'key'), counted(0, 'key'), counted(2, 'policy', 'policies')], ['1 key', '0 keys', '2 policies']);
    assert.equal(parts('a', '', 'b'), 'a · b');
    assert.equal(firstOf(['a', 'b', 'c', 'd'], 2), 'a, b +2');
    assert.equal(firstOf(['a', 'b'], 2), 'a, b');
    assert.deepEqual([intOrString(80), intOrString('http'), intOrString(undefined), intOrString(Number.NaN)], ['80', 'http', '', '']);
  });

  it('caps tooltip lines, saying how many were left out', () => {
    const lines = Array.from({ length: 40 }, (_, index) => `rule ${index}`);
    const capped = cappedNotes(lines);
    assert.equal(capped.length, MAX_NOTES);
    assert.equal(capped.at(-1), `… and ${40 - MAX_NOTES + 1} more`);
    assert.deepEqual(cappedNotes(['one']), ['one']);
  });
});
