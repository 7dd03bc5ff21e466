import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { node, pod, state } from './fit-test-helpers.ts';
import { failedSchedulingMessage, schedulePod } from './schedule-pod.ts';

describe('schedulePod', () => {
  it('chooses the feasible node with the most room left', () => {
    const nodes = [
      state(node('busy', { cpu: '4', memory: '8Gi' }), { cpu: '3', memory: '6Gi' }),
      state(node('idle', { cpu: '4', memory: '8Gi' })),
      state(node('small', { cpu: '500m', memory: '8Gi' })),
    ];
    const result = schedulePod(pod({ cpu: '1', memory: '1Gi' }), nodes);
    assert.deepEqual(result, { ok: true, node: 'idle', feasible: ['busy', 'idle'] });
  });

  it('explains a failure like the FailedScheduling event, every node counted under its reasons', () => {
    const nodes = [
      ...['n1', 'n2', 'n3'].map((name) => state(node(name, { cpu: '1', memory: '1Gi' }))),
      state(node('n4', { cpu: '8', memory: '512Mi' })),
      state(node('n5', { cpu: '8', memory: '8Gi' }, { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] })),
    ];
    const result = schedulePod(pod({ cpu: '2', memory: '1Gi' }), nodes);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.message, '0/5 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {dedicated: db}, 3 Insufficient cpu.');
      assert.deepEqual(result.reasons, { 'Insufficient cpu': 3, 'Insufficient memory': 1, 'node(s) had untolerated taint {dedicated: db}': 1 });
    }
  });

  it('counts pods against the node pods allocatable', () => {
    const full = state(node('a', { cpu: '8', pods: '2' }), {}, 2);
    const result = schedulePod(pod({ cpu: '1' }), [full]);
    assert.equal(result.ok ? '' : result.message, '0/1 nodes are available: 1 Too many pods.');
  });

  it('formats an empty cluster', () => {
    assert.equal(failedSchedulingMessage(0, {}), '0/0 nodes are available: .');
    assert.equal(schedulePod(pod({ cpu: '1' }), []).ok, false);
  });
});
