import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimLease } from './lease-model.ts';
import { slimNode } from './node-model.ts';
import { nodeDescription, summarizeNode } from './node-summary.ts';
import { slimPod } from './pod-model.ts';

const now = Date.parse('2026-11-25T12:00:00Z');
const node = slimNode({
  metadata: { name: 'n1' },
  spec: { unschedulable: true },
  status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-11-25T11:59:55Z' }] },
});
const lease = slimLease({ metadata: { name: 'n1' }, spec: { renewTime: '2026-11-25T11:59:58Z', leaseDurationSeconds: 40 } });
const pod = (name: string, phase: string, cpu: string) =>
  slimPod({ metadata: { name, namespace: 'a' }, spec: { nodeName: 'n1', containers: [{ name: 'c', resources: { requests: { cpu, memory: '1Gi' } } }] }, status: { phase } });

describe('summarizeNode', () => {
  it('counts the pods that hold resources and the share of allocatable they request', () => {
    const summary = summarizeNode(node, lease, [pod('a', 'Running', '1500m'), pod('b', 'Pending', '1'), pod('c', 'Succeeded', '2')], now);
    assert.equal(summary.pods, 2);
    assert.equal(summary.requestedCpu, 2.5);
    assert.equal(summary.cpuFraction, 2.5 / 4);
    assert.equal(summary.memoryFraction, 0.25);
    assert.equal(summary.health.heartbeatAgeSeconds, 2);
    assert.equal(nodeDescription(summary), 'Ready · 2/110 pods · cpu 63% requested · cordoned');
  });

  it('reports 0% when the node has no allocatable', () => {
    const bare = slimNode({ metadata: { name: 'n2' } });
    assert.equal(summarizeNode(bare, undefined, [], now).cpuFraction, 0);
  });
});
