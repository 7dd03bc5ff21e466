import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimEvent } from '../core/cluster/events/event-model.ts';
import { EventCache, type EventsChange } from './event-cache.ts';

const now = Date.parse('2026-12-04T04:00:00Z');

const event = (name: string, pod: string, type = 'Warning', seconds = 0): ReturnType<typeof slimEvent> =>
  slimEvent({
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: pod },
    type,
    reason: 'BackOff',
    message: name,
    lastTimestamp: new Date(now - seconds * 1000).toISOString(),
  });

/** The cache's next notification. */
const next = (cache: EventCache): Promise<EventsChange> =>
  new Promise((resolve) => {
    const subscription = cache.onDidChange((change) => {
      subscription.dispose();
      resolve(change);
    });
  });

describe('EventCache', () => {
  it('coalesces a burst into one notification naming the objects whose events changed', async () => {
    const cache = new EventCache({ intervalMs: 20, now: () => now });
    let notifications = 0;
    cache.onDidChange(() => (notifications += 1));
    const changed = next(cache);
    for (let index = 0; index < 300; index += 1) cache.upsert(event(`e${index}`, `pod-${index % 3}`));
    const change = await changed;
    assert.equal(notifications, 1);
    assert.deepEqual(change.all ? 'all' : [...change.objectKeys].sort(), ['Pod/default/pod-0', 'Pod/default/pod-1', 'Pod/default/pod-2']);
    cache.dispose();
  });

  it('a relist, or more objects than a notification names, is reported as all', async () => {
    const cache = new EventCache({ intervalMs: 10, now: () => now });
    const relisted = next(cache);
    cache.replace([event('a', 'web')]);
    assert.deepEqual(await relisted, { all: true });
    const burst = next(cache);
    for (let index = 0; index < 1_500; index += 1) cache.upsert(event(`e${index}`, `pod-${index}`));
    assert.deepEqual(await burst, { all: true });
    cache.dispose();
  });

  it('answers by kind, namespace and name, within its limits', () => {
    const cache = new EventCache({ limits: { total: 3 }, now: () => now });
    cache.fill([event('old', 'web', 'Warning', 30), event('normal', 'web', 'Normal', 20), event('new', 'web', 'Warning', 10), event('db', 'db', 'Warning', 5)]);
    assert.equal(cache.size, 3);
    assert.equal(cache.dropped, 1);
    assert.deepEqual(cache.warningsFor('Pod', 'default', 'web').map((each) => each.message), ['new']);
    assert.deepEqual(cache.forObject('Pod', 'default', 'web').map((each) => each.message), ['new', 'normal']);
    assert.deepEqual(cache.recentWarnings().map((each) => each.message), ['db', 'new']);
    cache.delete('default', 'db');
    assert.deepEqual(cache.recent(1).map((each) => each.message), ['new']);
    cache.dispose();
  });
});
