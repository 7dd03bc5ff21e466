import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimEvent, type SlimEvent } from '../../core/cluster/events/event-model.ts';
import { slimPod } from '../../core/cluster/pod-model.ts';
import { stuckPod } from './stuck-pods.ts';

const pod = (name: string, phase: string, waiting = '') =>
  slimPod({
    metadata: { namespace: 'shop', name },
    spec: { containers: [{ name: 'app', image: 'app:1' }] },
    status: { phase, containerStatuses: waiting === '' ? [] : [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: waiting } } }] },
  });

const warning = (podName: string, name: string, reason: string, message: string, lastSeen: string): SlimEvent =>
  slimEvent({ metadata: { namespace: 'shop', name }, involvedObject: { kind: 'Pod', namespace: 'shop', name: podName }, type: 'Warning', reason, message, lastTimestamp: lastSeen });

/** A connection whose event cache holds `events`, newest first per pod as the cache answers. */
const connection = (events: SlimEvent[]) => ({
  events: { warningsFor: (_kind: string, namespace: string, name: string) => events.filter((event) => event.regarding.namespace === namespace && event.regarding.name === name).sort((a, b) => b.lastSeen - a.lastSeen) },
});

describe('stuckPod', () => {
  it('names the event that holds a pending pod whose state says nothing (FailedMount under ContainerCreating)', () => {
    const events = [warning('web-1', 'e1', 'FailedMount', 'MountVolume.SetUp failed for volume "config" : configmap "web" not found', '2026-01-01T00:00:00Z')];
    assert.deepEqual(stuckPod(connection(events), [pod('web-1', 'Pending', 'ContainerCreating')]), {
      pod: 'web-1',
      why: 'ContainerCreating: MountVolume.SetUp failed for volume "config" : configmap "web" not found (event FailedMount, pod web-1)',
    });
  });

  it('calls a pod the scheduler refused Unschedulable before its status says so', () => {
    const events = [warning('web-1', 'e1', 'FailedScheduling', '0/2 nodes are available: 2 Insufficient cpu.', '2026-01-01T00:00:00Z')];
    assert.equal(stuckPod(connection(events), [pod('web-1', 'Pending')])?.why, 'Unschedulable: 0/2 nodes are available: 2 Insufficient cpu. (event FailedScheduling, pod web-1)');
  });

  it("prefers the registry's answer to kubelet's repetition of the state", () => {
    const events = [
      warning('web-1', 'e1', 'Failed', 'Failed to pull image "nope:1": not found', '2026-01-01T00:00:00Z'),
      warning('web-1', 'e2', 'Failed', 'Error: ErrImagePull', '2026-01-01T00:00:01Z'),
      warning('web-1', 'e3', 'BackOff', 'Back-off pulling image "nope:1"', '2026-01-01T00:00:02Z'),
    ];
    assert.equal(stuckPod(connection(events), [pod('web-1', 'Pending', 'ImagePullBackOff')])?.why, 'ImagePullBackOff: Failed to pull image "nope:1": not found (event Failed, pod web-1)');
  });

  it('falls back to the state alone, and waits for a pending pod without a holding warning', () => {
    assert.equal(stuckPod(connection([]), [pod('web-1', 'Pending', 'CrashLoopBackOff')])?.why, 'CrashLoopBackOff (pod web-1)');
    const transient = [warning('web-2', 'e1', 'BackOff', 'Back-off restarting failed container app', '2026-01-01T00:00:00Z')];
    assert.equal(stuckPod(connection(transient), [pod('web-2', 'Pending', 'ContainerCreating'), pod('web-3', 'Running')]), undefined);
  });
});
