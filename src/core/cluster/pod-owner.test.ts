import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podTopWorkload, workloadPods, type WorkloadRef } from './pod-owner.ts';
import { slimPod } from './pod-model.ts';

const pod = (name: string, owner: WorkloadRef | undefined, labels: Record<string, string> = {}) =>
  slimPod({ metadata: { name, namespace: 'shop', labels, ownerReferences: owner === undefined ? [] : [{ ...owner, controller: true }] }, spec: { containers: [] } });

// Deployments "web" and "web-api", whose ReplicaSet "web-api-6b8d4" starts with "web-"; a StatefulSet
// "db" beside "db-replica"; CronJob "nightly" with Job "nightly-29000000" beside a Job "nightly-manual".
const pods = [
  pod('web-5f7c9-abcde', { kind: 'ReplicaSet', name: 'web-5f7c9' }, { 'pod-template-hash': '5f7c9' }),
  pod('web-api-6b8d4-fghjk', { kind: 'ReplicaSet', name: 'web-api-6b8d4' }, { 'pod-template-hash': '6b8d4' }),
  pod('web-api-7c9f2-lmnpq', { kind: 'ReplicaSet', name: 'web-api-7c9f2' }, { 'pod-template-hash': '7c9f2' }),
  pod('db-0', { kind: 'StatefulSet', name: 'db' }),
  pod('db-replica-0', { kind: 'StatefulSet', name: 'db-replica' }),
  pod('nightly-29000000-rstvw', { kind: 'Job', name: 'nightly-29000000' }),
  pod('nightly-manual-xz245', { kind: 'Job', name: 'nightly-manual' }),
  pod('web', undefined),
];
const jobs: Readonly<Record<string, WorkloadRef>> = { 'nightly-29000000': { kind: 'CronJob', name: 'nightly' } };
const jobOwner = (job: string): WorkloadRef | undefined => jobs[job];
const namesOf = (kind: string, name: string) => workloadPods(pods, { kind, name }, jobOwner).map((entry) => entry.meta.name);

describe('workload pods', () => {
  it('give "web" and "web-api" only their own pods, though both have pods and one name starts the other', () => {
    assert.deepEqual(namesOf('Deployment', 'web'), ['web-5f7c9-abcde']);
    assert.deepEqual(namesOf('Deployment', 'web-api'), ['web-api-6b8d4-fghjk', 'web-api-7c9f2-lmnpq']);
    assert.deepEqual(namesOf('StatefulSet', 'db'), ['db-0']);
  });

  it("find a CronJob's pods through its Jobs, and a Job's own pods whether a CronJob made it or not", () => {
    assert.deepEqual(namesOf('CronJob', 'nightly'), ['nightly-29000000-rstvw']);
    assert.deepEqual(namesOf('Job', 'nightly-29000000'), ['nightly-29000000-rstvw']);
    assert.deepEqual(namesOf('Job', 'nightly-manual'), ['nightly-manual-xz245']);
    assert.deepEqual(namesOf('Job', 'nightly'), []);
  });

  it('name the top workload of a pod, or none for a bare pod', () => {
    assert.deepEqual(
      pods.map((entry) => podTopWorkload(entry, jobOwner)),
      [
        { kind: 'Deployment', name: 'web' },
        { kind: 'Deployment', name: 'web-api' },
        { kind: 'Deployment', name: 'web-api' },
        { kind: 'StatefulSet', name: 'db' },
        { kind: 'StatefulSet', name: 'db-replica' },
        { kind: 'CronJob', name: 'nightly' },
        { kind: 'Job', name: 'nightly-manual' },
        undefined,
      ],
    );
  });
});
