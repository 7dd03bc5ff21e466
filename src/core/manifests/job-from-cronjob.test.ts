import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jobFromCronJob, manualJobName } from './job-from-cronjob.ts';

const now = Date.parse('2026-11-25T12:00:00Z');

describe('jobFromCronJob', () => {
  it('copies the job template, owned by the CronJob and marked manual', () => {
    const job = jobFromCronJob(
      {
        metadata: { name: 'nightly', namespace: 'batch', uid: 'u-1' },
        spec: { schedule: '0 3 * * *', jobTemplate: { metadata: { labels: { team: 'a' } }, spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'Never' } } } } },
      },
      now,
    );
    const metadata = job['metadata'] as { name: string; namespace: string; labels: unknown; annotations: Record<string, string>; ownerReferences: { kind: string; uid: string; controller: boolean }[] };
    assert.equal(metadata.name, `nightly-manual-${Math.floor(now / 1000).toString(36)}`);
    assert.equal(metadata.namespace, 'batch');
    assert.deepEqual(metadata.labels, { team: 'a' });
    assert.equal(metadata.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
    assert.deepEqual(metadata.ownerReferences.map((owner) => [owner.kind, owner.uid, owner.controller]), [['CronJob', 'u-1', true]]);
    assert.deepEqual(job['spec'], { backoffLimit: 2, template: { spec: { restartPolicy: 'Never' } } });
  });

  it('keeps the name within 63 characters', () => {
    const name = manualJobName('a'.repeat(80), now);
    assert.ok(name.length <= 63);
    assert.match(name, /^a+-manual-[0-9a-z]+$/);
  });
});
