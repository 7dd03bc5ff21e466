import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimEvent, type SlimEvent } from '../../core/cluster/events/event-model.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import { eventSubjects, subjectEvents, subjectWarnings, warningNote } from './object-warnings.ts';

const event = (kind: string, name: string, eventName: string, type: string, lastTimestamp: string): SlimEvent =>
  slimEvent({ metadata: { namespace: 'shop', name: eventName }, involvedObject: { kind, namespace: 'shop', name }, type, reason: type === 'Warning' ? 'FailedScheduling' : 'Scheduled', message: `${eventName} message`, lastTimestamp });

/**
 * A connection whose pods of Deployment web are web-abc-1 (ReplicaSet web-abc), whose CronJob nightly
 * made Job nightly-29000000 with pod nightly-29000000-x, and whose event cache holds `events`.
 */
function connection(events: SlimEvent[]): ClusterConnection {
  const of = (kind: string, name: string) => events.filter((item) => item.regarding.kind === kind && item.regarding.name === name).sort((a, b) => b.lastSeen - a.lastSeen);
  const pods: Record<string, unknown[]> = {
    'Deployment/web': [{ meta: { namespace: 'shop', name: 'web-abc-1', owner: { kind: 'ReplicaSet', name: 'web-abc' } } }],
    'CronJob/nightly': [{ meta: { namespace: 'shop', name: 'nightly-29000000-x', owner: { kind: 'Job', name: 'nightly-29000000' } } }],
  };
  // The cache's ReplicaSets with events, by Deployment, as EventStore.replicaSetsOf keeps them.
  const replicaSets = (deployment: string) => [...new Set(events.filter(({ regarding }) => regarding.kind === 'ReplicaSet' && regarding.name.startsWith(`${deployment}-`)).map(({ regarding }) => regarding.name))];
  return {
    podsOwnedBy: (kind: string, _namespace: string, name: string) => pods[`${kind}/${name}`] ?? [],
    jobsOf: (_namespace: string, cronJob: string) => (cronJob === 'nightly' ? [{ meta: { namespace: 'shop', name: 'nightly-29000000' } }] : []),
    events: {
      forObject: (kind: string, _namespace: string, name: string) => of(kind, name),
      warningsFor: (kind: string, _namespace: string, name: string) => of(kind, name).filter((item) => item.type === 'Warning'),
      replicaSetsOf: (_namespace: string, deployment: string) => replicaSets(deployment),
    },
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

  it('counts a ReplicaSet that could create no pod (a quota refusal) by its events', () => {
    const refused = [...events, event('ReplicaSet', 'web-7c9f8', 'q1', 'Warning', '2026-01-01T00:00:05Z')];
    const web = { kind: 'Deployment', namespace: 'shop', name: 'web' };
    assert.deepEqual(eventSubjects(connection(refused), web).map(({ kind, name }) => `${kind}/${name}`), ['Deployment/web', 'ReplicaSet/web-abc', 'ReplicaSet/web-7c9f8', 'Pod/web-abc-1']);
    assert.deepEqual(subjectWarnings(connection(refused), web).map(({ meta }) => meta.name), ['q1', 'p1', 'r1']);
  });

  it("counts a CronJob's own, its Jobs' and their pods' events", () => {
    const nightly = { kind: 'CronJob', namespace: 'shop', name: 'nightly' };
    const runs = [event('CronJob', 'nightly', 'c1', 'Normal', '2026-01-01T00:00:01Z'), event('Job', 'nightly-29000000', 'j1', 'Warning', '2026-01-01T00:00:02Z'), event('Pod', 'nightly-29000000-x', 'x1', 'Warning', '2026-01-01T00:00:03Z')];
    assert.deepEqual(eventSubjects(connection(runs), nightly).map(({ kind, name }) => `${kind}/${name}`), ['CronJob/nightly', 'Job/nightly-29000000', 'Pod/nightly-29000000-x']);
    assert.deepEqual(subjectWarnings(connection(runs), nightly).map(({ meta }) => meta.name), ['x1', 'j1']);
    assert.deepEqual(subjectEvents(connection(runs), nightly).map(({ meta }) => meta.name), ['x1', 'j1', 'c1']);
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
