import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Job, Pod } from '../objects.ts';
import { conditionOf } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

function jobManifest(name: string, spec: Record<string, unknown>, annotations: Record<string, string> = {}): string {
  return JSON.stringify({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { ...spec, template: { metadata: { annotations }, spec: { restartPolicy: 'Never', containers: [{ name: 'task', image: 'busybox', command: ['sh', '-c', 'work'] }] } } },
  });
}

describe('the Job controller', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 2, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  const job = (name: string): Job | undefined => sim.store.get(sim.controllers.types.job, 'default', name) as Job | undefined;
  const podsOf = (name: string): Pod[] =>
    [...sim.store.scan(sim.controllers.types.pod, { namespace: 'default' })].map(({ object }) => object as Pod).filter((pod) => pod.metadata.labels?.['job-name'] === name);
  const create = async (body: string): Promise<void> => {
    assert.equal((await call(sim, '/apis/batch/v1/namespaces/default/jobs', { method: 'POST', body })).status, 201);
    sim.settle();
  };

  it('completions 3, parallelism 2, backoffLimit 1 with a failing profile ends Failed: BackoffLimitExceeded', async () => {
    await create(jobManifest('failing', { completions: 3, parallelism: 2, backoffLimit: 1 }, { 'sim.kube-workbench.io/exit-code': '1' }));
    assert.equal(podsOf('failing').length, 2);
    sim.advance(30_000);
    const failed = conditionOf(job('failing')?.status?.conditions, 'Failed');
    assert.deepEqual([failed?.status, failed?.reason], ['True', 'BackoffLimitExceeded']);
    assert.ok((job('failing')?.status?.failed ?? 0) >= 2);
    assert.equal(job('failing')?.status?.active, undefined);
    assert.equal(conditionOf(job('failing')?.status?.conditions, 'Complete'), undefined);
  });

  it('the same Job succeeding ends Complete with 3 succeeded pods, never more than 2 at once', async () => {
    await create(jobManifest('succeeding', { completions: 3, parallelism: 2, backoffLimit: 1 }));
    let most = 0;
    for (let second = 0; second < 30; second += 1) {
      most = Math.max(most, podsOf('succeeding').filter((pod) => pod.status?.phase === 'Pending' || pod.status?.phase === 'Running').length);
      sim.advance(1_000);
    }
    assert.equal(most, 2);
    assert.equal(conditionOf(job('succeeding')?.status?.conditions, 'Complete')?.status, 'True');
    assert.equal(job('succeeding')?.status?.succeeded, 3);
    assert.equal(podsOf('succeeding').filter((pod) => pod.status?.phase === 'Succeeded').length, 3);
    assert.ok(job('succeeding')?.status?.completionTime !== undefined);
  });

  it('fails a Job that outlives activeDeadlineSeconds with DeadlineExceeded', async () => {
    await create(jobManifest('slow', { activeDeadlineSeconds: 3 }, { 'sim.kube-workbench.io/run-seconds': '60' }));
    sim.advance(2_000);
    assert.equal(job('slow')?.status?.conditions, undefined);
    sim.advance(2_000);
    assert.equal(conditionOf(job('slow')?.status?.conditions, 'Failed')?.reason, 'DeadlineExceeded');
    assert.equal(podsOf('slow').filter((pod) => pod.status?.phase === 'Running').length, 0);
  });

  it('deletes a finished Job and its pods after ttlSecondsAfterFinished', async () => {
    await create(jobManifest('short-lived', { ttlSecondsAfterFinished: 10 }));
    sim.advance(8_000);
    assert.equal(conditionOf(job('short-lived')?.status?.conditions, 'Complete')?.status, 'True');
    sim.advance(5_000);
    assert.ok(job('short-lived') !== undefined);
    sim.advance(6_000);
    assert.equal(job('short-lived'), undefined);
    assert.equal(podsOf('short-lived').length, 0);
  });

  it('creates Jobs from a CronJob on its schedule', async () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'tick' },
      spec: { schedule: '*/2 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } },
    };
    assert.equal((await call(sim, '/apis/batch/v1/namespaces/default/cronjobs', { method: 'POST', body: JSON.stringify(cronJob) })).status, 201);
    sim.advance(5 * 60_000);
    const jobs = [...sim.store.scan(sim.controllers.types.job, { namespace: 'default' })].filter(({ object }) => object.metadata.ownerReferences?.[0]?.kind === 'CronJob');
    assert.ok(jobs.length >= 2 && jobs.length <= 3, `${jobs.length} jobs`);
    assert.ok(jobs.every(({ object }) => /^tick-\d+$/.test(object.metadata.name ?? '')));
  });
});
