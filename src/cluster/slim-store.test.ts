import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlimStore, type StoreChange } from './slim-store.ts';

interface Item {
  readonly meta: { readonly namespace: string; readonly name: string };
  readonly node: string;
}
const item = (namespace: string, name: string, node: string): Item => ({ meta: { namespace, name }, node });

describe('SlimStore', () => {
  it('keeps items by namespace/name and an index that follows moves and deletes', () => {
    const store = new SlimStore<Item>();
    store.addIndex('node', (entry) => entry.node);
    store.upsert(item('a', 'p1', 'n1'));
    store.upsert(item('a', 'p2', 'n1'));
    store.upsert(item('b', 'p1', 'n2'));
    assert.equal(store.size, 3);
    assert.deepEqual(store.byIndex('node', 'n1').map((entry) => entry.meta.name).sort(), ['p1', 'p2']);
    store.upsert(item('a', 'p2', 'n2'));
    assert.equal(store.countByIndex('node', 'n1'), 1);
    assert.equal(store.countByIndex('node', 'n2'), 2);
    store.delete('a', 'p1');
    assert.deepEqual(store.indexValues('node'), ['n2']);
    assert.equal(store.get('a', 'p1'), undefined);
  });

  it('tells listeners each change, with the previous object, and one reset per relist', () => {
    const store = new SlimStore<Item>();
    const changes: StoreChange<Item>[] = [];
    const subscription = store.onDidChange((change) => changes.push(change));
    store.upsert(item('', 'n1', 'x'));
    store.upsert(item('', 'n1', 'y'));
    store.delete('', 'n1');
    store.delete('', 'n1');
    store.replace([item('', 'n2', 'x'), item('', 'n3', 'x')]);
    subscription.dispose();
    store.upsert(item('', 'n4', 'x'));
    assert.deepEqual(changes.map((change) => change.type), ['upsert', 'upsert', 'delete', 'reset']);
    assert.equal(changes[1]?.previous?.node, 'x');
    assert.equal(store.size, 3);
  });

  it('indexes items already present when an index is added late', () => {
    const store = new SlimStore<Item>();
    store.replace([item('a', 'p', 'n1')]);
    store.addIndex('node', (entry) => entry.node);
    assert.equal(store.byIndex('node', 'n1').length, 1);
  });

  it('builds an index only when first asked, from the items as they are then, and keeps it current after', () => {
    const store = new SlimStore<Item>();
    let calls = 0;
    store.addIndex('node', (entry) => {
      calls += 1;
      return entry.node;
    });
    store.replace([item('a', 'p1', 'n1'), item('a', 'p2', 'n1')]);
    store.upsert(item('a', 'p2', 'n2'));
    store.delete('a', 'p1');
    assert.equal(calls, 0);
    assert.deepEqual(store.indexValues('node'), ['n2']);
    store.upsert(item('b', 'p3', 'n2'));
    store.replace([...store.values(), item('c', 'p4', 'n3')]);
    assert.deepEqual([store.countByIndex('node', 'n1'), store.countByIndex('node', 'n2'), store.countByIndex('node', 'n3')], [0, 2, 1]);
    assert.equal(store.byIndex('other', 'x').length, 0);
  });
});
