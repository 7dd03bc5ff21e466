import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimLease } from './lease-model.ts';
import { slimNode } from './node-model.ts';
import { slimPod } from './pod-model.ts';
import { slimCrd } from './custom-resource-model.ts';
import { slimWorkload } from './workload-model.ts';

describe('slimNode', () => {
  it('keeps allocatable as numbers, taints, conditions and the kubelet version', () => {
    const node = slimNode({
      metadata: { name: 'n1', uid: 'u1', resourceVersion: '7', labels: { zone: 'a' }, annotations: { big: 'x'.repeat(1000) } },
      spec: { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] },
      status: {
        allocatable: { cpu: '3920m', memory: '15Gi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: '2026-11-25T12:00:00Z' }],
        nodeInfo: { kubeletVersion: 'v1.32.4' },
        images: [{ names: ['a'], sizeBytes: 1 }],
      },
    });
    assert.deepEqual(node.allocatable, { cpu: 3.92, memoryBytes: 15 * 2 ** 30, pods: 110 });
    assert.deepEqual(node.taints, [{ key: 'k', value: 'v', effect: 'NoSchedule' }]);
    assert.equal(node.conditions[0]?.lastHeartbeatMs, Date.parse('2026-11-25T12:00:00Z'));
    assert.equal(node.kubeletVersion, 'v1.32.4');
    assert.equal(node.meta.labels['zone'], 'a');
    assert.ok(!JSON.stringify(node).includes('xxxx'), 'annotations are dropped');
  });

  it('survives a node with nothing but a name', () => {
    const node = slimNode({ metadata: { name: 'bare' } });
    assert.deepEqual(node.allocatable, { cpu: 0, memoryBytes: 0, pods: 0 });
    assert.deepEqual(node.conditions, []);
  });
});

describe('slimPod', () => {
  const pod = {
    metadata: { name: 'web-7d9f-abcde', namespace: 'shop', ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d9f', controller: true }] },
    spec: {
      nodeName: 'n1',
      initContainers: [{ name: 'migrate', resources: { requests: { cpu: '2', memory: '64Mi' } } }],
      containers: [
        { name: 'web', resources: { requests: { cpu: '250m', memory: '128Mi' } } },
        { name: 'proxy', resources: { limits: { cpu: '100m', memory: '64Mi' } } },
      ],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        { name: 'web', ready: true, restartCount: 2, state: { running: {} } },
        { name: 'proxy', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } } },
      ],
    },
  };

  it('keeps phase, readiness, restarts, the waiting reason and the controller owner', () => {
    const slim = slimPod(pod);
    assert.equal(slim.phase, 'Running');
    assert.equal(slim.readyContainers, 1);
    assert.equal(slim.containers, 2);
    assert.equal(slim.restarts, 7);
    assert.equal(slim.reason, 'CrashLoopBackOff');
    assert.deepEqual(slim.meta.owner, { kind: 'ReplicaSet', name: 'web-7d9f' });
  });

  it('computes the effective request: the larger of the init peak and the app sum (limits default requests)', () => {
    const slim = slimPod(pod);
    assert.equal(slim.requestCpu, 2);
    assert.equal(slim.requestMemoryBytes, 192 * 2 ** 20);
  });

  it('reports an unscheduled pod with the scheduler\'s message', () => {
    const slim = slimPod({
      metadata: { name: 'big' },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }] },
    });
    assert.equal(slim.reason, 'Unschedulable');
    assert.equal(slim.message, '0/3 nodes are available: 3 Insufficient cpu.');
  });

  it('maps an unknown phase to Unknown and keeps the pod reason (Evicted)', () => {
    const slim = slimPod({ metadata: { name: 'p' }, status: { phase: 'Weird', reason: 'Evicted' } });
    assert.equal(slim.phase, 'Unknown');
    assert.equal(slim.reason, 'Evicted');
  });
});

describe('slimLease', () => {
  it('keeps the renew time with milliseconds and the duration', () => {
    const lease = slimLease({ metadata: { name: 'n1' }, spec: { holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: '2026-11-25T12:00:00.250000Z' } });
    assert.deepEqual(lease, { name: 'n1', holder: 'n1', renewMs: Date.parse('2026-11-25T12:00:00.250Z'), durationSeconds: 40 });
  });
});

describe('slimWorkload', () => {
  it('defaults Deployment replicas to 1', () => {
    const deployment = slimWorkload('Deployment', { metadata: { name: 'web' }, spec: {}, status: { readyReplicas: 1 } });
    assert.equal(deployment.desired, 1);
    assert.equal(deployment.ready, 1);
  });

  it("keeps each template container's requests, a limit standing in for a missing request", () => {
    const container = (name: string, resources: unknown) => ({ name, image: 'x', resources });
    const deployment = slimWorkload('Deployment', {
      metadata: { name: 'web' },
      spec: { template: { spec: { containers: [container('app', { requests: { cpu: '250m', memory: '64Mi' } }), container('side', { limits: { cpu: '1' } })] } } },
    });
    assert.deepEqual(deployment.containers, [
      { name: 'app', cpu: 0.25, memory: 64 * 2 ** 20 },
      { name: 'side', cpu: 1, memory: undefined },
    ]);
    const cron = slimWorkload('CronJob', { metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec: { containers: [container('run', {})] } } } } } });
    assert.deepEqual(cron.containers, [{ name: 'run', cpu: undefined, memory: undefined }]);
    assert.deepEqual(slimWorkload('ConfigMap', { metadata: { name: 'm' } }).containers, []);
  });

  it('reads a failed Job: succeeded, failed and the reason', () => {
    const job = slimWorkload('Job', {
      metadata: { name: 'batch' },
      spec: { completions: 3 },
      status: { succeeded: 1, failed: 2, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] },
    });
    assert.deepEqual([job.desired, job.ready, job.failed, job.failure, job.done], [3, 1, 2, 'BackoffLimitExceeded', false]);
  });

  it('summarises CronJobs, Services and ConfigMaps in one detail line', () => {
    assert.equal(slimWorkload('CronJob', { metadata: { name: 'c' }, spec: { schedule: '*/5 * * * *', suspend: true } }).detail, '*/5 * * * *');
    assert.equal(slimWorkload('Service', { metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] } }).detail, 'NodePort 80,53/UDP');
    assert.equal(slimWorkload('ConfigMap', { metadata: { name: 'm' }, data: { a: '1', b: '2' } }).detail, '2 keys');
  });
});

describe('slimCrd', () => {
  it('picks the served storage version and the scope', () => {
    const crd = slimCrd({
      metadata: { name: 'widgets.acme.io' },
      spec: {
        group: 'acme.io',
        scope: 'Cluster',
        names: { kind: 'Widget', plural: 'widgets' },
        versions: [
          { name: 'v1alpha1', served: true, storage: false },
          { name: 'v1', served: true, storage: true },
          { name: 'v2', served: false, storage: false },
        ],
      },
    });
    assert.deepEqual([crd.group, crd.kind, crd.plural, crd.version, crd.namespaced], ['acme.io', 'Widget', 'widgets', 'v1', false]);
  });

  it('has no version to list when none is served', () => {
    assert.equal(slimCrd({ spec: { versions: [{ name: 'v1', served: false }] } }).version, '');
  });
});
