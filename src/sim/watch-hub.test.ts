import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Store } from './store.ts';
import { WatchHub, type Watcher } from './watch-hub.ts';

interface FakeWatcher extends Watcher {
  bytes: number;
  closed: boolean;
}

function fake(): FakeWatcher {
  const watcher: FakeWatcher = {
    typeKey: 'leases',
    namespace: undefined,
    matcher: undefined,
    bytes: 0,
    closed: false,
    deliver: () => undefined,
    close: () => (watcher.closed = true),
    buffered: () => watcher.bytes,
  };
  return watcher;
}

describe('the watchers’ buffer budget', () => {
  it('closes the watcher furthest behind once all of them together pass the budget, and only as many as needed', () => {
    const hub = new WatchHub(new Store(() => 'now'), 10, 100);
    const [slow, slower, quick] = [fake(), fake(), fake()];
    for (const watcher of [slow, slower, quick]) hub.add(watcher);
    slow.bytes = 40;
    hub.noteBuffered(slow);
    slower.bytes = 50;
    hub.noteBuffered(slower);
    assert.deepEqual([slow.closed, slower.closed, quick.closed], [false, false, false], '90 of 100');
    quick.bytes = 20;
    hub.noteBuffered(quick);
    assert.deepEqual([slow.closed, slower.closed, quick.closed], [false, true, false]);
    assert.equal(hub.watcherCount, 2);
  });

  it('counts what drained since it last looked before closing anyone', () => {
    const hub = new WatchHub(new Store(() => 'now'), 10, 100);
    const [first, second] = [fake(), fake()];
    hub.add(first);
    hub.add(second);
    first.bytes = 90;
    hub.noteBuffered(first);
    // The first client read everything meanwhile: only its stale figure was over.
    first.bytes = 0;
    second.bytes = 60;
    hub.noteBuffered(second);
    assert.deepEqual([first.closed, second.closed], [false, false]);
  });

  it('forgets the bytes of watchers that end', () => {
    const hub = new WatchHub(new Store(() => 'now'), 10, 100);
    const [gone, staying] = [fake(), fake()];
    const remove = hub.add(gone);
    hub.add(staying);
    gone.bytes = 90;
    hub.noteBuffered(gone);
    remove();
    staying.bytes = 60;
    hub.noteBuffered(staying);
    assert.equal(staying.closed, false);
    assert.equal(hub.dropAll(), 1);
    assert.equal(staying.closed, true);
  });
});
