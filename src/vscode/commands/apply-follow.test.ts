import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimEvent, type SlimEvent } from '../../core/cluster/events/event-model.ts';
import { slimPod, type SlimPod } from '../../core/cluster/pod-model.ts';
import { slimWorkload, type SlimWorkload } from '../../core/cluster/workload-model.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import { appliedWorkloads, followRollouts, rolloutSentences } from './apply-follow.ts';

const web = (ready: number) => slimWorkload('Deployment', { metadata: { namespace: 'shop', name: 'web', generation: 1 }, spec: { replicas: 2 }, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: ready } });
const pendingPod = slimPod({ metadata: { namespace: 'shop', name: 'web-5f7c9-abcde' }, spec: { containers: [{ name: 'app', image: 'app:1' }] }, status: { phase: 'Pending' } });
const unschedulable = slimEvent({ metadata: { namespace: 'shop', name: 'e1' }, involvedObject: { kind: 'Pod', namespace: 'shop', name: pendingPod.meta.name }, type: 'Warning', reason: 'FailedScheduling', message: '0/3 nodes are available: 3 Insufficient cpu.', lastTimestamp: '2026-01-01T00:00:00Z' });

/** A connection holding one Deployment and its pods, whose cache and event changes the test fires. */
function fakeConnection(state: { deployment: SlimWorkload | undefined; pods: SlimPod[]; events: SlimEvent[] }) {
  const changes = new Set<(change: { resource: string }) => void>();
  const eventChanges = new Set<() => void>();
  const listen = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return { dispose: () => set.delete(listener) };
  };
  const connection = {
    workloads: { Deployment: { get: (namespace: string, name: string) => (namespace === 'shop' && name === 'web' ? state.deployment : undefined) } },
    podsOwnedBy: (kind: string, _namespace: string, name: string) => (kind === 'Deployment' && name === 'web' ? state.pods : []),
    events: { warningsFor: (_kind: string, _namespace: string, name: string) => state.events.filter((event) => event.regarding.name === name), onDidChange: (listener: () => void) => listen(eventChanges, listener) },
    onDidChange: (listener: (change: { resource: string }) => void) => listen(changes, listener),
  } as unknown as ClusterConnection;
  return { connection, fire: (resource: string) => [...changes].forEach((listener) => listener({ resource })), fireEvents: () => [...eventChanges].forEach((listener) => listener()), listeners: () => changes.size + eventChanges.size };
}

const deployment = { kind: 'Deployment', namespace: 'shop', name: 'web' } as const;
const never = new AbortController().signal;

describe('Apply follow-up', () => {
  it('follows the workloads the server answered with, not Services or ConfigMaps', () => {
    const answered = [{ kind: 'Service', metadata: { namespace: 'shop', name: 'web' } }, { kind: 'Deployment', metadata: { namespace: 'shop', name: 'web' } }, { kind: 'Job', metadata: { namespace: 'shop', name: 'once' } }, undefined];
    assert.deepEqual(appliedWorkloads(answered), [deployment, { kind: 'Job', namespace: 'shop', name: 'once' }]);
  });

  it('ends when the rollout is ready, and stops listening', async () => {
    const state = { deployment: web(1), pods: [], events: [] };
    const fake = fakeConnection(state);
    const reports: string[] = [];
    const ending = followRollouts(fake.connection, [deployment], never, (message) => reports.push(message));
    state.deployment = web(2);
    fake.fire('Deployment');
    const ends = await ending;
    assert.deepEqual(ends, [{ workload: 'Deployment shop/web', state: 'done', text: '2/2 ready' }]);
    assert.deepEqual(reports, ['Deployment shop/web: 1/2 ready', 'Deployment shop/web: 2/2 ready']);
    assert.equal(fake.listeners(), 0);
    assert.equal(rolloutSentences(ends), ' Deployment shop/web: 2/2 ready.');
  });

  it("says why a pod is stuck in the scheduler's words once its event arrives", async () => {
    const state: { deployment: SlimWorkload; pods: SlimPod[]; events: SlimEvent[] } = { deployment: web(0), pods: [pendingPod], events: [] };
    const fake = fakeConnection(state);
    const ending = followRollouts(fake.connection, [deployment], never, () => undefined);
    state.events = [unschedulable];
    fake.fireEvents();
    assert.deepEqual(await ending, [{ workload: 'Deployment shop/web', state: 'stuck', text: '0/2 ready, stuck: Unschedulable: 0/3 nodes are available: 3 Insufficient cpu. (event FailedScheduling, pod web-5f7c9-abcde)' }]);
  });

  it('says what is still rolling out when the follow-up ends first', async () => {
    const fake = fakeConnection({ deployment: undefined, pods: [], events: [] });
    const stop = new AbortController();
    const ending = followRollouts(fake.connection, [deployment], stop.signal, () => undefined, 20_000);
    stop.abort();
    assert.deepEqual(await ending, [{ workload: 'Deployment shop/web', state: 'going', text: 'not in the cache yet, still rolling out after 20 s' }]);
    assert.deepEqual(await followRollouts(fake.connection, [], never, () => undefined), []);
  });
});
