import { jobSpec } from '../jobs.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';

export const jobTtlAfterFinished: Rule = {
  id: 'job-ttl-after-finished',
  category: 'reliability',
  severity: 'info',
  kinds: ['Job'],
  description: 'A Job without `ttlSecondsAfterFinished`.',
  why: 'Finished Jobs and their pods pile up in the namespace until someone deletes them (CronJobs have history limits instead).',
  *checkObject(object) {
    const spec = jobSpec(object);
    if (spec !== undefined && spec.ttlSecondsAfterFinished === undefined) yield reportOn(object, object.range, `${describe(object)} has no ttlSecondsAfterFinished: it stays after finishing.`);
  },
};
