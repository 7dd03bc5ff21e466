import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateJsonPath, parseJsonPath } from './json-path.ts';

const object = {
  metadata: { annotations: { 'example.com/owner': 'team-a' } },
  spec: { size: 3, tags: ['a', 'b'] },
  status: { conditions: [{ type: 'Synced', status: 'False' }, { type: 'Ready', status: 'True' }] },
};

const first = (path: string): unknown => {
  const steps = parseJsonPath(path);
  assert.ok(steps !== undefined, path);
  return evaluateJsonPath(steps, object)[0];
};

describe('the JSONPath subset of printer columns', () => {
  it('reads fields, escaped dots, quoted keys, indexes and equality filters', () => {
    assert.equal(first('.spec.size'), 3);
    assert.equal(first('{.spec.tags[1]}'), 'b');
    assert.equal(first('.metadata.annotations.example\\.com/owner'), 'team-a');
    assert.equal(first(".metadata.annotations['example.com/owner']"), 'team-a');
    assert.equal(first('.status.conditions[?(@.type=="Ready")].status'), 'True');
    assert.deepEqual(evaluateJsonPath(parseJsonPath('.status.conditions[*].type') ?? [], object), ['Synced', 'Ready']);
  });

  it('yields nothing for missing keys and out-of-range indexes, and refuses what it does not parse', () => {
    assert.equal(first('.spec.missing.deeper'), undefined);
    assert.equal(first('.spec.tags[5]'), undefined);
    assert.equal(first('.spec.size.x'), undefined);
    assert.equal(parseJsonPath('.spec[?(@.a > 1)]'), undefined);
    assert.equal(parseJsonPath('spec'), undefined);
  });
});
