import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hpaSummary, pdbSummary, priorityClassSummary, pvcSummary, pvSummary, storageClassSummary } from './listed-capacity.ts';

describe('capacity row text', () => {
  it('shows an HPA\'s target, range, metrics now/target and replicas, and the words its workload row adds', () => {
    const summary = hpaSummary({
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
          { type: 'Pods', pods: { metric: { name: 'requests_per_second' }, target: { type: 'AverageValue', averageValue: '100' } } },
        ],
      },
      status: {
        currentReplicas: 3,
        desiredReplicas: 4,
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 75, averageValue: '150m' } } }],
        conditions: [{ type: 'ScalingActive', status: 'True' }, { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange' }],
      },
    });
    assert.equal(summary.detail, 'Deployment web · 2–10 · cpu 75%/60%, requests_per_second ?/100 · 3 replicas');
    assert.deepEqual(summary.scales, { kind: 'Deployment', name: 'web', words: 'HPA 2–10 · cpu 60%' });
    assert.deepEqual(summary.notes, [
      'scales Deployment web between 2–10 replicas',
      'cpu: 75% now, target 60%',
      'requests_per_second: not measured yet, target 100',
      'wants 4 replicas',
      'ScalingLimited false: DesiredWithinRange',
    ]);
  });

  it('defaults an HPA\'s minimum to 1 and reads one without metrics', () => {
    const summary = hpaSummary({ spec: { scaleTargetRef: { kind: 'StatefulSet', name: 'db' }, maxReplicas: 3 } });
    assert.equal(summary.detail, 'StatefulSet db · 1–3');
    assert.equal(summary.scales?.words, 'HPA 1–3');
  });

  it('shows a PDB\'s bound and the disruptions allowed now', () => {
    const summary = pdbSummary({ spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } }, status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 } });
    assert.equal(summary.detail, 'min available 2 · 1 disruption allowed');
    assert.deepEqual(summary.notes, ['pods app=web', '3 healthy of 3 expected, 2 needed']);
    assert.equal(pdbSummary({ spec: { maxUnavailable: '25%' } }).detail, 'max unavailable 25% · 0 disruptions allowed');
  });

  it('shows a claim\'s phase, size and class; a requested size until it is bound', () => {
    const bound = pvcSummary({ spec: { storageClassName: 'standard', volumeName: 'pv-1', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } }, status: { phase: 'Bound', capacity: { storage: '10Gi' } } });
    assert.equal(bound.detail, 'Bound · 10Gi · standard');
    assert.deepEqual(bound.notes, ['volume pv-1', 'access RWO', 'storage class standard']);
    assert.equal(pvcSummary({ spec: { resources: { requests: { storage: '1Gi' } } } }).detail, 'Pending · 1Gi');
  });

  it('shows a volume\'s phase, size and claim', () => {
    const summary = pvSummary({ spec: { capacity: { storage: '10Gi' }, claimRef: { namespace: 'team-a', name: 'data' }, accessModes: ['ReadWriteMany'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard' }, status: { phase: 'Bound' } });
    assert.equal(summary.detail, 'Bound · 10Gi · team-a/data');
    assert.deepEqual(summary.notes, ['claimed by team-a/data', 'access RWX', 'reclaim Delete', 'storage class standard']);
  });

  it('marks the default StorageClass and the global default PriorityClass', () => {
    const storage = storageClassSummary({ metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' });
    assert.equal(storage.detail, 'default · rancher.io/local-path · Delete');
    assert.deepEqual(storage.notes, ['provisioner rancher.io/local-path', 'reclaim Delete, binding WaitForFirstConsumer', 'volumes may not grow']);
    assert.equal(priorityClassSummary({ value: 1000, globalDefault: true }).detail, '1000 · global default');
    assert.deepEqual(priorityClassSummary({ value: 5, description: 'batch' }).notes, ['preemption PreemptLowerPriority', 'batch']);
  });
});
