import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch.ts';

const pod = { spec: { containers: [{ name: 'app', image: 'a:1', env: [{ name: 'X', value: '1' }] }, { name: 'side', image: 's:1' }], tolerations: [{ key: 'k' }] } };

describe('patches', () => {
  it('merge patch: objects merge, null deletes, lists are replaced', () => {
    assert.deepEqual(mergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] }, { b: { c: null, e: 4 }, l: [3] }), { a: 1, b: { d: 3, e: 4 }, l: [3] });
  });

  it('strategic merge patch: containers merge by name, $patch: delete removes one, other lists replace', () => {
    const patched = strategicMergePatch(pod, {
      spec: { containers: [{ name: 'app', image: 'a:2', env: [{ name: 'Y', value: '2' }] }, { name: 'side', $patch: 'delete' }], tolerations: [{ key: 'other' }] },
    }) as typeof pod;
    assert.deepEqual(patched.spec.containers, [{ name: 'app', image: 'a:2', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }]);
    assert.deepEqual(patched.spec.tolerations, [{ key: 'other' }]);
    assert.equal(pod.spec.containers.length, 2, 'the target is not changed');
  });

  it('strategic merge patch: ignores $setElementOrder and honours $deleteFromPrimitiveList', () => {
    const patched = strategicMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] }, '$setElementOrder/x': [] });
    assert.deepEqual(patched, { metadata: { finalizers: ['b'] } });
  });

  it('JSON patch: add, replace, remove, test, move, copy, and 400 on a failed test', () => {
    const result = jsonPatch({ a: { b: 1 }, l: [1, 2] }, [
      { op: 'add', path: '/l/-', value: 3 },
      { op: 'replace', path: '/a/b', value: 2 },
      { op: 'copy', from: '/a', path: '/c' },
      { op: 'move', from: '/c/b', path: '/d' },
      { op: 'remove', path: '/l/0' },
      { op: 'test', path: '/d', value: 2 },
    ]);
    assert.deepEqual(result, { a: { b: 2 }, l: [2, 3], c: {}, d: 2 });
    assert.throws(() => jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]), { code: 400 });
    assert.throws(() => jsonPatch({ a: 1 }, { op: 'add' }), { code: 400 });
  });

  it('merges keyed lists of 50,000 items in linear time, keeping order and deletes', () => {
    const current = { env: Array.from({ length: 50_000 }, (_, index) => ({ name: `E${index}`, value: 'old' })) };
    const patch = { env: [...Array.from({ length: 50_000 }, (_, index) => ({ name: `E${49_999 - index}`, value: 'new' })), { name: 'E7', $patch: 'delete' }, { name: 'added' }] };
    const started = performance.now();
    const merged = strategicMergePatch(current, patch) as typeof current;
    assert.ok(performance.now() - started < 1000, `${performance.now() - started} ms`);
    assert.equal(merged.env.length, 50_000);
    assert.deepEqual([merged.env[0], merged.env[7], merged.env.at(-1)], [{ name: 'E0', value: 'new' }, { name: 'E8', value: 'new' }, { name: 'added' }]);
    assert.deepEqual(strategicMergePatch({ l: ['a', 'b', 'c'] }, { '$deleteFromPrimitiveList/l': ['b'] }), { l: ['a', 'c'] });
  });

  it('JSON patch: 10,000 operations at most, copies limited in size, moves without copying', () => {
    const many = Array.from({ length: 10_001 }, () => ({ op: 'test', path: '/a', value: 1 }));
    assert.throws(() => jsonPatch({ a: 1 }, many), { code: 413, message: /The allowed maximum operations in a JSON patch is 10000, got 10001/ });
    // Copying a list into itself doubles it: thirty copies would make a billion items.
    const doubling = Array.from({ length: 30 }, () => ({ op: 'copy', from: '/l', path: '/l/-' }));
    assert.throws(() => jsonPatch({ l: Array.from({ length: 1000 }, () => 'item') }, doubling), { code: 413, message: /accumulated size increase of copy/ });
    assert.deepEqual(jsonPatch({ a: { b: [1] } }, [{ op: 'move', from: '/a', path: '/c' }, { op: 'copy', from: '/c', path: '/d' }]), { c: { b: [1] }, d: { b: [1] } });
  });
});
