import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workloadTemplate } from './workload-template.ts';

const spec = { containers: [{ name: 'app' }] };

describe('workloadTemplate', () => {
  it('finds the pod template and replicas of each workload kind', () => {
    const deployment = workloadTemplate({ kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 3, template: { spec } } });
    assert.deepEqual(deployment, { kind: 'Deployment', namespace: 'shop', name: 'web', podSpec: spec, replicas: 3 });
    assert.equal(workloadTemplate({ kind: 'StatefulSet', metadata: { name: 'db' }, spec: { template: { spec } } })?.replicas, 1);
    assert.equal(workloadTemplate({ kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { template: { spec } } })?.replicas, undefined);
    assert.equal(workloadTemplate({ kind: 'Job', metadata: { name: 'j' }, spec: { parallelism: 4, template: { spec } } })?.replicas, 4);
    const cron = workloadTemplate({ kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec } } } } });
    assert.equal(cron?.podSpec, spec);
    assert.equal(workloadTemplate({ kind: 'Pod', metadata: { name: 'p' }, spec })?.namespace, 'default');
  });

  it('ignores objects that run no pods', () => {
    assert.equal(workloadTemplate({ kind: 'Service', metadata: { name: 's' } }), undefined);
    assert.equal(workloadTemplate({ kind: 'Deployment' }), undefined);
    assert.equal(workloadTemplate('text'), undefined);
  });

  it('notes a count that is not a whole number ≥ 0, and counts it as the default 1', () => {
    for (const value of [-5, 'many', 2.5, null]) {
      const template = workloadTemplate({ kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: value, template: { spec } } });
      assert.deepEqual([template?.replicas, template?.invalidCount], [1, { path: 'spec.replicas', value }], String(value));
    }
    const job = workloadTemplate({ kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { parallelism: '2', template: { spec } } } } });
    assert.deepEqual(job?.invalidCount, { path: 'spec.jobTemplate.spec.parallelism', value: '2' });
    assert.equal(workloadTemplate({ kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 0, template: { spec } } })?.invalidCount, undefined);
  });
});
