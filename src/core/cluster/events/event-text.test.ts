import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimEvent } from './event-model.ts';
import { eventTable, warningCountText } from './event-text.ts';

const now = Date.parse('2026-12-04T04:00:00Z');
const failed = slimEvent({
  metadata: { name: 'web.1', namespace: 'shop' },
  involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web' },
  type: 'Warning',
  reason: 'FailedScheduling',
  message: '0/3 nodes are available: 3 Insufficient cpu.',
  lastTimestamp: '2026-12-04T03:55:00Z',
  count: 2,
});

describe('eventTable', () => {
  it('prints type, reason, age, count and message, an OBJECT column when asked', () => {
    assert.equal(eventTable([failed], now), 'TYPE      REASON             AGE   COUNT   MESSAGE\nWarning   FailedScheduling   5m    2       0/3 nodes are available: 3 Insufficient cpu.\n');
    assert.match(eventTable([failed], now, { object: true, namespaces: true }), /^Warning\s+FailedScheduling\s+5m\s+2\s+Pod\/shop\/web\s+0\/3 nodes/m);
    assert.match(eventTable([failed], now, { object: true }), /\sPod\/web\s/);
    assert.match(eventTable([failed], now, { header: false }), /^Warning\s+FailedScheduling\s+5m\s+2\s+0\/3 nodes/);
  });

  it('says <none> when there are no events', () => {
    assert.equal(eventTable([], now), '<none>\n');
  });

  it('counts warnings in words', () => {
    assert.deepEqual([0, 1, 2].map(warningCountText), ['', '1 warning', '2 warnings']);
  });
});
