import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threeWayMerge } from './three-way-merge.ts';

const container = (name: string, image: string) => ({ name, image });
const base = { spec: { replicas: 1, paused: false, template: { containers: [container('web', 'web:1'), container('log', 'log:1')] } }, metadata: { labels: { a: '1' } } };

describe('threeWayMerge', () => {
  it('applies my changes where the other side did not touch the field, keeping theirs elsewhere', () => {
    const mine = { ...base, spec: { ...base.spec, replicas: 3 } };
    const theirs = { ...base, spec: { ...base.spec, paused: true }, status: { ready: 1 } };
    assert.deepEqual(threeWayMerge(base, mine, theirs), { merged: { ...base, spec: { ...base.spec, replicas: 3, paused: true }, status: { ready: 1 } }, conflicts: [] });
  });

  it('reports a field both sides changed differently by its path, and keeps theirs there', () => {
    const mine = { ...base, spec: { ...base.spec, replicas: 3 } };
    const theirs = { ...base, spec: { ...base.spec, replicas: 5 } };
    const result = threeWayMerge(base, mine, theirs);
    assert.deepEqual(result.conflicts, ['spec.replicas']);
    assert.equal((result.merged as typeof base).spec.replicas, 5);
    assert.deepEqual(threeWayMerge(base, mine, mine).conflicts, [], 'the same change on both sides is no conflict');
  });

  it('merges named list items one by one, and names the item in a conflict', () => {
    const mine = { ...base, spec: { ...base.spec, template: { containers: [container('web', 'web:2'), container('log', 'log:1'), container('new', 'n:1')] } } };
    const theirs = { ...base, spec: { ...base.spec, template: { containers: [container('web', 'web:1'), container('log', 'log:9')] } } };
    const merged = threeWayMerge(base, mine, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual((merged.merged as typeof base).spec.template.containers, [container('web', 'web:2'), container('log', 'log:9'), container('new', 'n:1')]);
    const clash = threeWayMerge(base, mine, { ...base, spec: { ...base.spec, template: { containers: [container('web', 'web:3'), container('log', 'log:1')] } } });
    assert.deepEqual(clash.conflicts, ['spec.template.containers[web].image']);
  });

  it('removes what I removed unless they changed it, and keeps fields only the live side has', () => {
    const mine = { spec: { ...base.spec }, metadata: {} };
    const theirs = { ...base, metadata: { labels: { a: '1' }, uid: 'u' } };
    assert.deepEqual(threeWayMerge(base, mine, theirs).merged, { ...base, metadata: { uid: 'u' } });
    const changed = { ...base, metadata: { labels: { a: '2' } } };
    assert.deepEqual(threeWayMerge(base, mine, changed).conflicts, ['metadata.labels']);
  });

  it('treats lists without unique names as one value', () => {
    const list = (values: number[]) => ({ args: values });
    assert.deepEqual(threeWayMerge(list([1]), list([2]), list([3])).conflicts, ['args']);
    assert.deepEqual(threeWayMerge(list([1]), list([2]), list([1])).merged, list([2]));
  });
});
