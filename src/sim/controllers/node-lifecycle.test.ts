import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Lease, Node, Pod } from '../objects.ts';
import { conditionOf } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';

function node(sim: Sim, name: string): Node {
  return sim.store.get(sim.controllers.types.node, undefined, name) as Node;
}

function pods(sim: Sim): Pod[] {
  return [...sim.store.scan(sim.controllers.types.pod)].map(({ object }) => object as Pod);
}

describe('node heartbeats: Unknown at 50 s, the unreachable taint, eviction after 5 minutes', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 2, pods: 6, frozenClock: true, log: () => undefined });
    sim.settle();
    sim.applyFault({ type: 'stopHeartbeat', node: 'node-0001' });
  });
  after(() => sim.close());

  it('keeps renewing the other node’s Lease every 10 s', () => {
    const stored = (): Lease => sim.store.get(sim.controllers.types.lease, 'kube-node-lease', 'node-0002') as Lease;
    const lease = (): string => stored().spec.renewTime ?? '';
    const before = lease();
    sim.advance(10_000);
    assert.notEqual(lease(), before);
    assert.equal(stored().spec.leaseDurationSeconds, 40);
  });

  it('leaves the silent node Ready until the 50 s grace period ends, then Unknown with the taints', () => {
    sim.advance(39_000);
    assert.equal(conditionOf(node(sim, 'node-0001').status.conditions, 'Ready')?.status, 'True');
    sim.advance(1_000);
    const ready = conditionOf(node(sim, 'node-0001').status.conditions, 'Ready');
    assert.deepEqual([ready?.status, ready?.reason], ['Unknown', 'NodeStatusUnknown']);
    const taints = (node(sim, 'node-0001').spec.taints ?? []).map((taint) => `${taint.key}:${taint.effect}`).sort();
    assert.deepEqual(taints, ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    assert.equal(conditionOf(node(sim, 'node-0002').status.conditions, 'Ready')?.status, 'True');
    const stranded = pods(sim).filter((pod) => pod.spec.nodeName === 'node-0001');
    assert.ok(stranded.length > 0);
    assert.ok(stranded.every((pod) => conditionOf(pod.status?.conditions, 'Ready')?.status === 'False'));
  });

  it('evicts the node’s pods 5 minutes after the taint, and they come back on the healthy node', () => {
    const stranded = pods(sim).filter((pod) => pod.spec.nodeName === 'node-0001').map((pod) => pod.metadata.name);
    sim.advance(299_000);
    assert.deepEqual(pods(sim).filter((pod) => pod.spec.nodeName === 'node-0001').map((pod) => pod.metadata.name), stranded);
    sim.advance(1_000);
    assert.equal(pods(sim).filter((pod) => pod.spec.nodeName === 'node-0001').length, 0);
    sim.advance(2_000);
    const all = pods(sim);
    assert.equal(all.length, 6);
    assert.ok(all.every((pod) => pod.spec.nodeName === 'node-0002' && pod.status?.phase === 'Running'));
  });

  it('turns the node Ready again, without taints, when the heartbeat resumes', () => {
    sim.applyFault({ type: 'resumeHeartbeat', node: 'node-0001' });
    sim.advance(1_000);
    assert.equal(conditionOf(node(sim, 'node-0001').status.conditions, 'Ready')?.status, 'True');
    assert.equal(node(sim, 'node-0001').spec.taints, undefined);
  });
});
