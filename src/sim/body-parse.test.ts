import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxBodyNodes, maxNestingDepth, parseJson, parseKubeObject, parseObject } from './body-parse.ts';
import { aliasBomb } from './test-helpers.ts';
import { ApiError } from './status.ts';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.code, 400);
    return error.message;
  }
  assert.fail('expected a 400');
}

describe('request bodies within limits', () => {
  it('refuses an alias bomb at once, as the linter does', () => {
    const started = performance.now();
    assert.match(refusal(() => parseObject(Buffer.from(aliasBomb(8)), 'application/yaml')), /could not be decoded as YAML: aliases expand this document to .* nodes; refused as a YAML bomb/);
    assert.ok(performance.now() - started < 1000);
  });

  it('refuses alias expansion past what the largest JSON body could hold, even under the bomb ratio', () => {
    // Each item is 3 own nodes and 21 once expanded: under the linter's tenfold ratio, over the sim's count.
    const text = `- &a [${Array.from({ length: 17 }, () => '1').join(', ')}]\n${'- [*a, 0, 0]\n'.repeat(76_000)}`;
    assert.match(refusal(() => parseObject(Buffer.from(text), 'application/yaml')), new RegExp(`expands to more than ${maxBodyNodes} values`));
  });

  it('refuses nesting past the limit before JSON.parse spends seconds on it', () => {
    const deep = (depth: number): Buffer => Buffer.from(`{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    assert.ok(parseObject(deep(maxNestingDepth - 1), 'application/json'));
    const started = performance.now();
    assert.match(refusal(() => parseObject(deep(1_000_000), 'application/json')), new RegExp(`exceeded max depth of ${maxNestingDepth}`));
    assert.ok(performance.now() - started < 1000);
    assert.match(refusal(() => parseObject(Buffer.from(`x: ${'['.repeat(maxNestingDepth + 1)}${']'.repeat(maxNestingDepth + 1)}`), 'application/yaml')), /exceeded max depth|could not be decoded as YAML/);
    const brackets = '[{\\"'.repeat(2 * maxNestingDepth);
    assert.equal(parseJson(Buffer.from(JSON.stringify(brackets))), brackets, 'brackets in strings do not count');
  });

  it('reads JSON apply bodies as JSON and YAML flow style as YAML, one document only', () => {
    const json = parseKubeObject(Buffer.from('{"metadata":{"name":"a"},"when":"2024-01-01"}'), 'application/apply-patch+yaml');
    assert.deepEqual(json, { metadata: { name: 'a' }, when: '2024-01-01' });
    assert.deepEqual(parseObject(Buffer.from('{a: 1}'), 'application/apply-patch+yaml'), { a: 1 });
    assert.match(refusal(() => parseObject(Buffer.from('a: 1\n---\nb: 2\n'), 'application/yaml')), /expected a single document/);
    assert.match(refusal(() => parseObject(Buffer.from('{"a": 1e999}'), 'application/json')), /number out of range/);
    assert.match(refusal(() => parseObject(Buffer.from('a: .inf'), 'application/yaml')), /number out of range/);
  });
});
