import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRolloutKind, rolloutState } from './rollout.ts';
import { slimWorkload } from './workload-model.ts';

const deployment = (status: Record<string, unknown>, generation = 2) => slimWorkload('Deployment', { metadata: { name: 'web', generation }, spec: { replicas: 3 }, status });

describe('rolloutState', () => {
  it('calls a Deployment done only once the controller saw its generation and every replica runs the new template', () => {
    assert.deepEqual(rolloutState(deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 3 })), { state: 'done', text: '3/3 ready' });
    // The old pods are still ready right after an apply: the controller has not seen the change.
    assert.deepEqual(rolloutState(deployment({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3 })), { state: 'going', text: '3/3 ready, old pods still being replaced' });
    assert.equal(rolloutState(deployment({ observedGeneration: 2, replicas: 4, updatedReplicas: 3, readyReplicas: 3 })).state, 'going', 'an old pod is left');
    assert.deepEqual(rolloutState(deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 1 })), { state: 'going', text: '1/3 ready' });
  });

  it('judges a DaemonSet by its scheduled and updated pods', () => {
    const daemonSet = (updated: number, ready: number) => slimWorkload('DaemonSet', { metadata: { name: 'agent', generation: 1 }, status: { observedGeneration: 1, desiredNumberScheduled: 2, updatedNumberScheduled: updated, numberReady: ready } });
    assert.equal(rolloutState(daemonSet(2, 2)).state, 'done');
    assert.equal(rolloutState(daemonSet(1, 2)).state, 'going');
  });

  it('ends a Job complete or failed with its reason', () => {
    const job = (status: Record<string, unknown>) => slimWorkload('Job', { metadata: { name: 'batch' }, spec: { completions: 2 }, status });
    assert.deepEqual(rolloutState(job({ succeeded: 1, active: 1 })), { state: 'going', text: '1/2 succeeded' });
    assert.deepEqual(rolloutState(job({ succeeded: 2, conditions: [{ type: 'Complete', status: 'True' }] })), { state: 'done', text: '2/2 succeeded' });
    assert.deepEqual(rolloutState(job({ failed: 3, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] })), { state: 'failed', text: 'BackoffLimitExceeded (3 failed)' });
  });

  it('follows only the kinds that run pods of their own', () => {
    assert.deepEqual(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'ReplicaSet'].filter(isRolloutKind), ['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);
  });
});
