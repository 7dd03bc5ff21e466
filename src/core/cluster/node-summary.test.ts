import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimLease } from './lease-model.ts';
import { slimNode } from './node-model.ts';
import { nodeDescription, nodesDescription, nodeStanding, standingRank, summarizeNode, type NodeStanding } from './node-summary.ts';
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
    assert.equal(nodeDescription(summary), 'Cordoned · 2 pods · cpu 63%');
  });

  it('reports 0% when the node has no allocatable', () => {
    const bare = slimNode({ metadata: { name: 'n2' } });
    assert.equal(summarizeNode(bare, undefined, [], now).cpuFraction, 0);
  });
});

describe('node standing and descriptions', () => {
  const ready = (extra: object = {}) =>
    slimNode({ metadata: { name: 'n' }, status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-11-25T11:59:55Z' }], ...extra } });
  const summaryAt = (nodeObject: ReturnType<typeof slimNode>, at: number) => summarizeNode(nodeObject, undefined, [pod('a', 'Running', '1')], at);

  it('puts the state word first and stays within the default sidebar width', () => {
    const descriptions = [
      nodeDescription(summaryAt(ready(), now)),
      nodeDescription(summaryAt(ready(), now + 75_000)),
      nodeDescription(summaryAt(ready({ conditions: [{ type: 'Ready', status: 'True' }, { type: 'DiskPressure', status: 'True' }, { type: 'PIDPressure', status: 'True' }] }), now)),
      nodeDescription(summaryAt(slimNode({ metadata: { name: 'n' }, status: { conditions: [{ type: 'Ready', status: 'False', lastHeartbeatTime: '2026-11-25T11:59:55Z' }] } }), now)),
    ];
    assert.deepEqual(descriptions, ['Ready · 1 pod · cpu 0%', 'Unknown · 80 s ago · 1 pod', 'DiskPressure +1 · 1 pod', 'NotReady · 1 pod · cpu 0%']);
    for (const description of descriptions) assert.ok(description.length <= 30, description);
  });

  it('the Unknown age advances with the clock', () => {
    assert.equal(nodeDescription(summaryAt(ready(), now + 185_000)), 'Unknown · 3 min ago · 1 pod');
  });

  it('ranks lost nodes before failing ones, then pressure and cordoned together, then Ready', () => {
    // A stable sort: Cordoned and Pressure share a rank and keep their order.
    const sorted = (['Ready', 'Cordoned', 'NotReady', 'Pressure', 'Unknown'] as const).toSorted((a, b) => standingRank[a] - standingRank[b]);
    assert.deepEqual(sorted, ['Unknown', 'NotReady', 'Cordoned', 'Pressure', 'Ready']);
    assert.equal(nodeStanding(summaryAt(ready({ conditions: [{ type: 'Ready', status: 'True' }, { type: 'MemoryPressure', status: 'True' }] }), now).health), 'Pressure');
  });

  it('counts each state that is not Ready on the Nodes row, worst first', () => {
    assert.equal(nodesDescription(50, new Map()), '50');
    assert.equal(nodesDescription(50, new Map<NodeStanding, number>([['Cordoned', 2], ['Unknown', 1]])), '50 · 1 Unknown · 2 cordoned');
    assert.equal(nodesDescription(5, new Map<NodeStanding, number>([['Pressure', 1], ['NotReady', 3]])), '5 · 3 NotReady · 1 under pressure');
  });
});
