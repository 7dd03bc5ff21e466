import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { container, node, pod, state } from './fit-test-helpers.ts';
import { fitWorkload } from './fit-workload.ts';

describe('fitWorkload', () => {
  it('places every replica, spread over the nodes with the most room', () => {
    const nodes = [state(node('a', { cpu: '4', memory: '8Gi' })), state(node('b', { cpu: '4', memory: '8Gi' }), { cpu: '2' })];
    const result = fitWorkload(pod({ cpu: '1', memory: '1Gi' }), 4, nodes);
    assert.deepEqual(result, { requested: 4, fits: 4, perNode: { a: 3, b: 1 }, neverFits: false, blockedBy: null });
  });

  it('names the blocking resource when several resources limit different nodes', () => {
    const nodes = [
      state(node('cpu-poor', { cpu: '2', memory: '64Gi' })),
      state(node('memory-poor', { cpu: '32', memory: '4Gi' })),
      state(node('both', { cpu: '2', memory: '4Gi' })),
    ];
    const result = fitWorkload(pod({ cpu: '1', memory: '2Gi' }), 10, nodes);
    assert.equal(result.fits, 6);
    assert.deepEqual(result.perNode, { 'cpu-poor': 2, 'memory-poor': 2, both: 2 });
    // For the 7th replica all three nodes lack cpu or memory; both lack them on "both": 2 vs 2, alphabetical.
    assert.equal(result.blockedBy, 'cpu');
    assert.equal(result.message, '0/3 nodes are available: 2 Insufficient cpu, 2 Insufficient memory.');
    assert.equal(result.neverFits, false);
  });

  it('counts init containers: a large init container can keep every replica out', () => {
    const nodes = [state(node('a', { cpu: '4', memory: '8Gi' }))];
    const withInit = { containers: [container({ cpu: '100m' })], initContainers: [container({ cpu: '6' })] };
    const result = fitWorkload(withInit, 2, nodes);
    assert.equal(result.fits, 0);
    assert.equal(result.neverFits, true);
    assert.equal(result.blockedBy, 'cpu');
  });

  it('respects taints and nodeSelector, and says never when no allowed node is big enough', () => {
    const nodes = [
      state(node('gpu', { cpu: '64', memory: '256Gi' }, { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] })),
      state(node('ssd', { cpu: '4', memory: '8Gi' }, { labels: { disk: 'ssd' } })),
      state(node('hdd', { cpu: '16', memory: '64Gi' }, { labels: { disk: 'hdd' } })),
    ];
    const picky = pod({ cpu: '8' }, { nodeSelector: { disk: 'ssd' } });
    const result = fitWorkload(picky, 1, nodes);
    assert.equal(result.neverFits, true);
    assert.equal(result.fits, 0);
    assert.equal(
      result.message,
      "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {gpu: true}.",
    );
    const tolerant = pod({ cpu: '8' }, { tolerations: [{ key: 'gpu', operator: 'Exists' }] });
    assert.deepEqual(fitWorkload(tolerant, 10, nodes).perNode, { gpu: 8, hdd: 2 });
  });

  it('reports null as the blocker when only taints keep pods out', () => {
    const nodes = [state(node('a', { cpu: '4' }, { taints: [{ key: 'x', effect: 'NoExecute' }] }))];
    const result = fitWorkload(pod({ cpu: '1' }), 1, nodes);
    assert.equal(result.blockedBy, null);
    assert.equal(result.neverFits, true);
  });

  it('spreads pods without requests, scoring them as 100m / 200Mi like the scheduler', () => {
    const nodes = ['a', 'b', 'c'].map((name) => state(node(name, { cpu: '4', memory: '8Gi' })));
    assert.deepEqual(fitWorkload(pod({}), 6, nodes).perNode, { a: 2, b: 2, c: 2 });
  });

  it('takes bound pods and the pod count into account', () => {
    const nodes = [state(node('a', { cpu: '4', pods: '3' }), { cpu: '1' }, 2)];
    const result = fitWorkload(pod({ cpu: '500m' }), 3, nodes);
    assert.equal(result.fits, 1);
    assert.equal(result.blockedBy, 'pods');
  });
});
