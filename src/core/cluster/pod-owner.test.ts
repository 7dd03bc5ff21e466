import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podsOwnedBy, podWorkloadRef, type WorkloadRef } from './pod-owner.ts';

interface Pod {
  readonly name: string;
  readonly meta: { readonly owner: WorkloadRef | undefined; readonly labels: Readonly<Record<string, string>> };
}

function pod(name: string, owner: WorkloadRef | undefined, labels: Record<string, string> = {}): Pod {
  return { name, meta: { owner, labels } };
}

// Deployments "web" and "web-api", whose ReplicaSet "web-api-6b8d4" starts with "web-"; a StatefulSet
// "db" beside "db-replica"; CronJob "nightly" with Job "nightly-29000000" beside a Job "nightly-manual".
const pods = [
  pod('web-5f7c9-abcde', { kind: 'ReplicaSet', name: 'web-5f7c9' }, { app: 'web', 'pod-template-hash': '5f7c9' }),
  pod('web-api-6b8d4-fghjk', { kind: 'ReplicaSet', name: 'web-api-6b8d4' }, { app: 'web-api', 'pod-template-hash': '6b8d4' }),
  pod('web-api-7c9f2-lmnpq', { kind: 'ReplicaSet', name: 'web-api-7c9f2' }, { app: 'web-api', 'pod-template-hash': '7c9f2' }),
  pod('web-bare-xyz', { kind: 'ReplicaSet', name: 'web-bare' }),
  pod('db-0', { kind: 'StatefulSet', name: 'db' }),
  pod('db-replica-0', { kind: 'StatefulSet', name: 'db-replica' }),
  pod('nightly-29000000-rstvw', { kind: 'Job', name: 'nightly-29000000' }),
  pod('nightly-manual-xz245', { kind: 'Job', name: 'nightly-manual' }),
  pod('web', undefined),
];
const jobs: Readonly<Record<string, WorkloadRef>> = { 'nightly-29000000': { kind: 'CronJob', name: 'nightly' } };
const jobOwner = (job: string): WorkloadRef | undefined => jobs[job];
const namesOf = (kind: string, name: string) => podsOwnedBy(pods, { kind, name }, jobOwner).map((entry) => entry.name);

describe('pod owners', () => {
  it('give each Deployment only its own pods, through the ReplicaSet named <deployment>-<pod-template-hash>', () => {
    assert.deepEqual(namesOf('Deployment', 'web'), ['web-5f7c9-abcde']);
    assert.deepEqual(namesOf('Deployment', 'web-api'), ['web-api-6b8d4-fghjk', 'web-api-7c9f2-lmnpq']);
    assert.deepEqual(namesOf('ReplicaSet', 'web-api-6b8d4'), ['web-api-6b8d4-fghjk']);
  });

  it('match StatefulSets and Jobs by exact owner name, and a CronJob through its Jobs', () => {
    assert.deepEqual(namesOf('StatefulSet', 'db'), ['db-0']);
    assert.deepEqual(namesOf('CronJob', 'nightly'), ['nightly-29000000-rstvw']);
    assert.deepEqual(namesOf('Job', 'nightly-29000000'), ['nightly-29000000-rstvw']);
    assert.deepEqual(namesOf('Job', 'nightly'), []);
  });

  it('name the top workload of a pod, or none for a bare pod', () => {
    const workloads = pods.map((entry) => podWorkloadRef(entry.meta, jobOwner));
    assert.deepEqual(workloads, [
      { kind: 'Deployment', name: 'web' },
      { kind: 'Deployment', name: 'web-api' },
      { kind: 'Deployment', name: 'web-api' },
      { kind: 'ReplicaSet', name: 'web-bare' },
      { kind: 'StatefulSet', name: 'db' },
      { kind: 'StatefulSet', name: 'db-replica' },
      { kind: 'CronJob', name: 'nightly' },
      { kind: 'Job', name: 'nightly-manual' },
      undefined,
    ]);
  });
});
