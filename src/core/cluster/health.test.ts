import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAge, judgeNodeHealth, NODE_MONITOR_GRACE_PERIOD_MS } from './health.ts';
import { slimLease } from './lease-model.ts';
import { slimNode } from './node-model.ts';

const now = Date.parse('2026-11-25T12:00:00Z');
const iso = (secondsAgo: number): string => new Date(now - secondsAgo * 1000).toISOString();

function node(ready: 'True' | 'False' | 'Unknown' | undefined, heartbeatSecondsAgo: number, extra: Record<string, unknown> = {}) {
  const conditions = ready === undefined ? [] : [{ type: 'Ready', status: ready, reason: ready === 'False' ? 'KubeletNotReady' : 'KubeletReady', message: ready === 'False' ? 'container runtime is down' : '', lastHeartbeatTime: iso(heartbeatSecondsAgo) }];
  return slimNode({ metadata: { name: 'node-1' }, spec: extra['spec'] ?? {}, status: { conditions: [...conditions, ...((extra['conditions'] as unknown[]) ?? [])] } });
}

function lease(renewSecondsAgo: number, durationSeconds = 40) {
  return slimLease({ metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: durationSeconds, renewTime: iso(renewSecondsAgo) } });
}

describe('judgeNodeHealth', () => {
  it('calls a node with a fresh lease and Ready=True Ready', () => {
    const judgement = judgeNodeHealth(node('True', 45), lease(3), now);
    assert.equal(judgement.health, 'Ready');
    assert.equal(judgement.heartbeatAgeSeconds, 3);
    assert.equal(judgement.heartbeatSource, 'lease');
    assert.equal(judgement.late, false);
  });

  it('calls a node Unknown once its newest heartbeat is older than the grace period, even if Ready=True', () => {
    const judgement = judgeNodeHealth(node('True', 120), lease(51), now);
    assert.equal(judgement.health, 'Unknown');
    assert.equal(judgement.heartbeatAgeSeconds, 51);
    assert.match(judgement.reason, /no heartbeat for 51 s \(grace period 50 s\)/);
  });

  it('judges by the Ready condition alone while the Leases are still being listed, with no heartbeat age', () => {
    // A kubelet with a Lease posts its Ready condition every 5 minutes: 240 s is normal for it.
    const pending = judgeNodeHealth(node('True', 240), 'pending', now);
    assert.deepEqual([pending.health, pending.heartbeatSource, pending.heartbeatAgeSeconds], ['Ready', 'pending', undefined]);
    assert.equal(judgeNodeHealth(node('False', 240), 'pending', now).health, 'NotReady');
    assert.equal(judgeNodeHealth(node('True', 240), undefined, now).health, 'Unknown', 'once listed, a node without a Lease is judged by its heartbeat');
  });

  it('stays Ready at exactly the grace period, but flags the expired lease as late', () => {
    const judgement = judgeNodeHealth(node('True', 120), lease(NODE_MONITOR_GRACE_PERIOD_MS / 1000), now);
    assert.equal(judgement.health, 'Ready');
    assert.equal(judgement.late, true);
  });

  it('reports NotReady with the kubelet reason when Ready=False and the heartbeat is fresh', () => {
    const judgement = judgeNodeHealth(node('False', 5), lease(2), now);
    assert.equal(judgement.health, 'NotReady');
    assert.equal(judgement.reason, 'KubeletNotReady: container runtime is down');
  });

  it('falls back to the Ready condition heartbeat when there is no lease', () => {
    const fresh = judgeNodeHealth(node('True', 20), undefined, now);
    assert.equal(fresh.health, 'Ready');
    assert.equal(fresh.heartbeatSource, 'condition');
    assert.equal(fresh.heartbeatAgeSeconds, 20);
    assert.equal(judgeNodeHealth(node('True', 80), undefined, now).health, 'Unknown');
  });

  it('treats a heartbeat from the future as fresh and reports the clock skew', () => {
    const judgement = judgeNodeHealth(node('True', 30), lease(-90), now);
    assert.equal(judgement.health, 'Ready');
    assert.equal(judgement.heartbeatAgeSeconds, 0);
    assert.equal(judgement.clockSkewSeconds, 90);
  });

  it('is Unknown without any Ready condition or heartbeat', () => {
    const judgement = judgeNodeHealth(node(undefined, 0), undefined, now);
    assert.equal(judgement.health, 'Unknown');
    assert.equal(judgement.heartbeatAgeSeconds, undefined);
    assert.equal(judgement.heartbeatSource, 'none');
  });

  it('lists pressure conditions, cordoning and taints', () => {
    const pressured = node('True', 1, {
      spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, { key: 'gpu', value: 'a100', effect: 'NoSchedule' }] },
      conditions: [{ type: 'MemoryPressure', status: 'True' }, { type: 'DiskPressure', status: 'False' }],
    });
    const judgement = judgeNodeHealth(pressured, lease(1), now);
    assert.deepEqual(judgement.pressures, ['MemoryPressure']);
    assert.equal(judgement.unschedulable, true);
    assert.deepEqual(judgement.taints, ['node.kubernetes.io/unreachable:NoExecute', 'gpu=a100:NoSchedule']);
    assert.equal(judgement.reason, 'MemoryPressure');
  });
});

describe('formatAge', () => {
  it('picks a unit a reader takes in at a glance', () => {
    assert.equal(formatAge(7), '7 s ago');
    assert.equal(formatAge(119), '119 s ago');
    assert.equal(formatAge(600), '10 min ago');
    assert.equal(formatAge(3 * 3600), '3 h ago');
    assert.equal(formatAge(3 * 86_400), '3 d ago');
  });
});
