import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventObjectKey, slimEvent } from './event-model.ts';

const core = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web.1', namespace: 'shop', creationTimestamp: '2026-12-04T02:00:00Z' },
  involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web', uid: 'u1' },
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting\nfailed container',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: '2026-12-04T02:00:00Z',
  lastTimestamp: '2026-12-04T02:10:00Z',
  count: 3,
};

describe('slimEvent', () => {
  it('trims a core/v1 Event: the object it is about, times, count, source and a one-line message', () => {
    assert.deepEqual(slimEvent(core), {
      meta: { namespace: 'shop', name: 'web.1' },
      regarding: { kind: 'Pod', namespace: 'shop', name: 'web', uid: 'u1' },
      objectKey: 'Pod/shop/web',
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      count: 3,
      firstSeen: Date.parse('2026-12-04T02:00:00Z'),
      lastSeen: Date.parse('2026-12-04T02:10:00Z'),
      source: 'kubelet, node-1',
    });
  });

  it('reads the same event through events.k8s.io/v1 to the same slim event', () => {
    const newer = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: core.metadata,
      regarding: core.involvedObject,
      type: 'Warning',
      reason: 'BackOff',
      note: core.message,
      reportingController: 'kubelet',
      deprecatedSource: core.source,
      deprecatedFirstTimestamp: core.firstTimestamp,
      deprecatedLastTimestamp: core.lastTimestamp,
      deprecatedCount: 3,
      eventTime: null,
    };
    assert.deepEqual(slimEvent(newer), slimEvent(core));
  });

  it('a series-style event: eventTime first, the series\' last observation and count, the reporting controller', () => {
    const event = slimEvent({
      metadata: { name: 'n.1', namespace: 'default' },
      regarding: { kind: 'Node', name: 'node-1' },
      reason: 'NodeNotReady',
      note: 'Node node-1 status is now: NodeNotReady',
      reportingController: 'node-controller',
      eventTime: '2026-12-04T01:00:00.000000Z',
      series: { count: 5, lastObservedTime: '2026-12-04T01:30:00.000000Z' },
    });
    assert.equal(event.objectKey, eventObjectKey('Node', '', 'node-1'));
    assert.deepEqual([event.type, event.count, event.source], ['Normal', 5, 'node-controller']);
    assert.equal(event.lastSeen - event.firstSeen, 30 * 60_000);
  });

  it('anything odd yields defaults, never a throw', () => {
    const event = slimEvent({ metadata: { name: 'x', creationTimestamp: '2026-12-04T00:00:00Z' }, count: 'many', lastTimestamp: 'not a time' });
    assert.deepEqual([event.count, event.lastSeen, event.objectKey, event.message], [1, Date.parse('2026-12-04T00:00:00Z'), '//', '']);
    assert.equal(slimEvent(null).meta.name, '');
  });
});
