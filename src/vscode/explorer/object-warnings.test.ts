import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimEvent, type SlimEvent } from '../../core/cluster/events/event-model.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import { eventSubjects, subjectEvents, subjectWarnings, warningNote } from './object-warnings.ts';

const event = (kind: string, name: string, eventName: string, type: string, lastTimestamp: string): SlimEvent =>
  slimEvent({ metadata: { namespace: 'shop', name: eventName }, involvedObject: { kind, namespace: 'shop', name }, type, reason: type === 'Warning' ? 'FailedScheduling' : 'Scheduled', message: `${eventName} message`, lastTimestamp });

/** A connection whose pods of Deployment web are web-abc-1 (ReplicaSet web-abc) and whose event cache holds `events`. */
function connection(events: SlimEvent[]): ClusterConnection {
  const of = (kind: string, name: string) => events.filter((item) => item.regarding.kind === kind && item.regarding.name === name).sort((a, b) => b.lastSeen - a.lastSeen);
  const pods = [{ meta: { namespace: 'shop', name: 'web-abc-1', owner: { kind: 'ReplicaSet', name: 'web-abc' } } }];
  return {
    podsOwnedBy: (kind: string, _namespace: string, name: string) => (kind === 'Deployment' && name === 'web' ? pods : []),
    events: { forObject: (kind: string, _namespace: string, name: string) => of(kind, name), warningsFor: (kind: string, _namespace: string, name: string) => of(kind, name).filter((item) => item.type === 'Warning') },
  } as unknown as ClusterConnection;
}

describe('object warnings', () => {
  const events = [
    event('Deployment', 'web', 'd1', 'Normal', '2026-01-01T00:00:01Z'),
    event('ReplicaSet', 'web-abc', 'r1', 'Warning', '2026-01-01T00:00:02Z'),
    event('Pod', 'web-abc-1', 'p1', 'Warning', '2026-01-01T00:00:03Z'),
    event('Pod', 'other', 'o1', 'Warning', '2026-01-01T00:00:04Z'),
  ];

  it("counts a Deployment's own, its ReplicaSets' and its pods' events, newest first, and nothing of other objects", () => {
    const web = { kind: 'Deployment', namespace: 'shop', name: 'web' };
    assert.deepEqual(eventSubjects(connection(events), web).map(({ kind, name }) => `${kind}/${name}`), ['Deployment/web', 'ReplicaSet/web-abc', 'Pod/web-abc-1']);
    assert.deepEqual(subjectEvents(connection(events), web).map(({ meta }) => meta.name), ['p1', 'r1', 'd1']);
    assert.deepEqual(subjectWarnings(connection(events), web).map(({ meta }) => meta.name), ['p1', 'r1']);
  });

  it('counts a pod, node or listed object by its own events only', () => {
    assert.deepEqual(eventSubjects(connection(events), { kind: 'Pod', namespace: 'shop', name: 'other' }), [{ kind: 'Pod', namespace: 'shop', name: 'other' }]);
    assert.deepEqual(subjectWarnings(connection(events), { kind: 'Service', namespace: 'shop', name: 'web' }), []);
  });

  it('says how many and the last one, or nothing without warnings', () => {
    const web = subjectWarnings(connection(events), { kind: 'Deployment', namespace: 'shop', name: 'web' });
    assert.deepEqual(warningNote(web), { description: '2 warnings', tooltip: '2 warnings in the last hour; last: FailedScheduling: p1 message' });
    assert.equal(warningNote([]), undefined);
  });
});
