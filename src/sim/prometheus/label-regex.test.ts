import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileLabelRegex, maxStates } from './label-regex.ts';
import { errorOf, okValue } from '../test-helpers.ts';

function matcher(pattern: string): (value: string) => boolean {
  return okValue(compileLabelRegex(pattern)).matches;
}

function refused(pattern: string): string {
  return errorOf(compileLabelRegex(pattern), pattern);
}

describe('label regexes in linear time', () => {
  it('matches the whole value, as Prometheus anchors its regexes', () => {
    const foo = matcher('foo');
    assert.deepEqual(['foo', 'xfoo', 'foox', 'fo', ''].map(foo), [true, false, false, false, false]);
    assert.equal(matcher('')(''), true);
    assert.equal(matcher('')('a'), false);
    assert.equal(matcher('a|')(''), true);
  });

  it('agrees with a backtracking engine on ordinary patterns', () => {
    const patterns = ['web-.*', 'a|bc|', '(ab)+c?', '[a-c]{2,3}', '[^0-9]+', 'x{2}', 'x{2,}', 'x{0,1}y', '.*-[0-9]+', 'kube-(system|public)', '\\d+\\.\\d*', '[\\w-]+', 'a.c', '(a*)*b', '[a-]+', 'a\\-b', '(?:team)-(?P<n>[a-z])', 'a*?b', '[\\x41-\\x43]+'];
    const values = ['', 'a', 'ab', 'abc', 'ababc', 'web-1', 'web-', 'xweb-1', 'kube-system', 'kube-systems', '12.5', '12.', 'abb', 'xx', 'xxx', 'y', 'xy', 'a-b', 'team-a', 'aab', 'b', ']a]', 'a-a', 'a{,2}', 'ABC', 'a\nc', 'pod-42', 'bc'];
    for (const pattern of patterns) {
      const ours = matcher(pattern);
      const theirs = new RegExp(`^(?:${pattern.replace('(?P<', '(?<')})$`);
      for (const value of values) assert.equal(ours(value), theirs.test(value), `${pattern} on ${JSON.stringify(value)}`);
    }
  });

  it('reads flags, anchors and Perl classes as RE2 does', () => {
    assert.equal(matcher('(?i)web-[a-c]+')('WEB-AbC'), true);
    assert.equal(matcher('a(?i:b)c')('aBc'), true);
    assert.equal(matcher('a(?i:b)c')('aBC'), false);
    assert.equal(matcher('a.c')('a\nc'), false, 'without (?s), dot does not match a newline');
    assert.equal(matcher('(?s)a.c')('a\nc'), true);
    assert.equal(matcher('^a$')('a'), true);
    assert.equal(matcher('\\Aa\\z')('a'), true);
    assert.equal(matcher('a$b')('ab'), false);
    assert.equal(matcher('(?m)a$\\n^b')('a\nb'), true);
    assert.equal(matcher('\\s\\S\\W')(' x-'), true);
    assert.equal(matcher('é+')('éé'), true, 'one code point is one character');
    assert.equal(matcher('[]a]+')(']a]'), true, 'a ] first in a class is a literal');
    assert.equal(matcher('a{,2}')('a{,2}'), true, 'a brace that is no repeat count is a literal');
  });

  it('answers catastrophic patterns at once', () => {
    const started = performance.now();
    const evil = matcher('(.*){12}!');
    assert.equal(evil('a'.repeat(253)), false);
    assert.equal(evil(`${'a'.repeat(252)}!`), true);
    assert.equal(matcher('(a|a)*b')('a'.repeat(253)), false);
    assert.equal(matcher('(a+)+b')('a'.repeat(253)), false);
    assert.ok(performance.now() - started < 1000, `${performance.now() - started} ms`);
  });

  it("refuses what RE2 refuses, with Go's messages", () => {
    assert.equal(refused('(a)\\1'), 'error parsing regexp: invalid escape sequence: `\\1`');
    assert.equal(refused('a(?=b)'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    assert.equal(refused('a(?<!b)'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?<!`');
    assert.equal(refused('a{1001}'), 'error parsing regexp: invalid repeat count: `{1001}`');
    assert.equal(refused('a{3,2}'), 'error parsing regexp: invalid repeat count: `{3,2}`');
    assert.equal(refused('a**'), 'error parsing regexp: invalid nested repetition operator: `**`');
    assert.equal(refused('*a'), 'error parsing regexp: missing argument to repetition operator: `*`');
    assert.equal(refused('[z-a]'), 'error parsing regexp: invalid character class range: `[z-a`');
    assert.match(refused('[abc'), /missing closing \]/);
    assert.match(refused('(abc'), /missing closing \)/);
    // Wrapped as Prometheus wraps it, `a\` escapes the closing parenthesis: Go says the same.
    assert.match(refused('a\\'), /missing closing \)/);
    assert.equal(refused('\\q'), 'error parsing regexp: invalid escape sequence: `\\q`');
    assert.equal(refused(`${'('.repeat(1001)}a${')'.repeat(1001)}`), 'error parsing regexp: expression nests too deeply');
  });

  it('refuses by name the RE2 syntax it does not read, and programs over its size', () => {
    for (const pattern of ['\\bword', '\\pL', '[[:alpha:]]', '\\Qa.b\\E', '\\012']) assert.match(refused(pattern), /is not supported by the simulator's matcher$/, pattern);
    assert.equal(refused('((a{1000}){1000})'), 'error parsing regexp: expression too large');
    assert.equal(refused('(?:a)'.repeat(maxStates)), 'error parsing regexp: expression too large', 'refused by its length, before parsing');
    const near = compileLabelRegex(`a{${Math.floor(maxStates / 10)}}`);
    assert.ok(near.ok && near.value.states <= maxStates);
    assert.equal(compileLabelRegex('a{100}', 50).ok, false, 'a smaller limit is honoured');
  });
});
