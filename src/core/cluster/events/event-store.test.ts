import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SlimEvent } from './event-model.ts';
import { EventStore } from './event-store.ts';

const hour = 60 * 60_000;
const now = Date.parse('2026-12-04T04:00:00Z');

function event(name: string, object: string, lastSeen: number, type = 'Normal', kind = 'Pod'): SlimEvent {
  return {
    meta: { namespace: 'default', name },
    regarding: { kind, namespace: 'default', name: object, uid: '' },
    objectKey: `${kind}/default/${object}`,
    type,
    reason: type === 'Warning' ? 'BackOff' : 'Pulled',
    message: name,
    count: 1,
    firstSeen: lastSeen,
    lastSeen,
    source: 'kubelet',
  };
}

describe('EventStore', () => {
  it('keeps the newest 100 per object, counting what it dropped', () => {
    const store = new EventStore();
    for (let index = 0; index < 130; index += 1) store.upsert(event(`e${index}`, 'web', now - 130_000 + index * 1000), now);
    const kept = store.forObject('Pod/default/web');
    assert.equal(kept.length, 100);
    assert.equal(kept[0]?.meta.name, 'e129', 'newest first');
    assert.equal(kept.at(-1)?.meta.name, 'e30');
    assert.equal(store.dropped, 30);
  });

  it('keeps at most `total` events, the oldest arrivals going first', () => {
    const store = new EventStore({ total: 50 });
    for (let index = 0; index < 200; index += 1) store.upsert(event(`e${index}`, `pod-${index}`, now), now);
    assert.equal(store.size, 50);
    assert.deepEqual(store.forObject('Pod/default/pod-149'), []);
    assert.equal(store.forObject('Pod/default/pod-150').length, 1);
  });

  it('an update replaces the event in place of adding one, and reports its object', () => {
    const store = new EventStore();
    store.upsert(event('e', 'web', now - 5000), now);
    assert.deepEqual(store.upsert({ ...event('e', 'web', now), count: 4 }, now), ['Pod/default/web']);
    assert.deepEqual(store.forObject('Pod/default/web').map((each) => each.count), [4]);
    assert.deepEqual(store.delete('default', 'e'), ['Pod/default/web']);
    assert.equal(store.size, 0);
  });

  it('drops events past the TTL: on arrival, and when expired', () => {
    const store = new EventStore();
    store.upsert(event('old', 'web', now - 2 * hour), now);
    assert.equal(store.size, 0);
    store.upsert(event('e', 'web', now - hour + 1000), now);
    assert.deepEqual(store.expire(now + 2000), ['Pod/default/web']);
    assert.equal(store.size, 0);
  });

  it('answers warnings in the last hour for one object, and the cluster\'s recent warnings newest first', () => {
    const store = new EventStore({ ttlMs: 10 * hour });
    store.replace([event('w1', 'web', now - 2 * hour, 'Warning'), event('w2', 'web', now - 60_000, 'Warning'), event('n', 'web', now, 'Normal'), event('w3', 'db', now - 1000, 'Warning')], now);
    assert.deepEqual(store.warningsFor('Pod/default/web', now).map((each) => each.meta.name), ['w2', 'w1']);
    assert.deepEqual(store.recentWarnings(now).map((each) => each.meta.name), ['w3', 'w2', 'w1']);
    assert.deepEqual(store.recentWarnings(now, 1).map((each) => each.meta.name), ['w3']);
    const hourly = new EventStore();
    hourly.replace([event('w1', 'web', now - hour - 1, 'Warning'), event('w2', 'web', now - 60_000, 'Warning')], now);
    assert.deepEqual(hourly.warningsFor('Pod/default/web', now).map((each) => each.meta.name), ['w2']);
    assert.deepEqual(store.recent(2).map((each) => each.meta.name), ['n', 'w3']);
  });

  it('a relist keeps the newest when it brings more than the limits', () => {
    const store = new EventStore({ total: 3 });
    store.replace([5, 1, 4, 2, 3].map((index) => event(`e${index}`, 'web', now - 10_000 + index)), now);
    assert.deepEqual(store.recent().map((each) => each.meta.name), ['e5', 'e4', 'e3']);
  });

  it("knows a Deployment's ReplicaSets by their events while they have some, a hand-made one by none", () => {
    const store = new EventStore({ perObject: 2 });
    const replicaSetEvent = (name: string, replicaSet: string, lastSeen: number) => event(name, replicaSet, lastSeen, 'Warning', 'ReplicaSet');
    store.replace([replicaSetEvent('q1', 'web-7c9f8', now - 3000), replicaSetEvent('q2', 'web-api-5d4b6', now - 2000), replicaSetEvent('h1', 'web-frontend', now - 1000)], now);
    store.upsert(replicaSetEvent('q3', 'web-6b8d4', now), now);
    store.upsert(replicaSetEvent('q4', 'web-7c9f8', now), now);
    assert.deepEqual(store.replicaSetsOf('default', 'web'), ['web-7c9f8', 'web-6b8d4']);
    assert.deepEqual(store.replicaSetsOf('default', 'web-api'), ['web-api-5d4b6']);
    assert.deepEqual(store.replicaSetsOf('other', 'web'), []);
    store.delete('default', 'q1');
    assert.deepEqual(store.replicaSetsOf('default', 'web'), ['web-7c9f8', 'web-6b8d4'], 'web-7c9f8 still has q4');
    store.delete('default', 'q4');
    store.expire(now + hour - 1000);
    assert.deepEqual(store.replicaSetsOf('default', 'web'), ['web-6b8d4']);
    assert.deepEqual(store.replicaSetsOf('default', 'web-api'), []);
  });
});
