import { jobSpec } from '../jobs.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';

/** Above this many retries a failing Job mostly burns resources (kube-linter's threshold too). */
const maxBackoff = 10;

export const jobBackoffLimit: Rule = {
  id: 'job-backoff-limit',
  category: 'reliability',
  severity: 'info',
  kinds: ['Job', 'CronJob'],
  description: `A Job without \`backoffLimit\` (the default is 6 retries) or with \`backoffLimit\` above ${maxBackoff}.`,
  why: 'Each retry reruns the pod with exponential back-off; say how many failures are acceptable instead of inheriting the default.',
  *checkObject(object) {
    const spec = jobSpec(object);
    if (spec === undefined) return;
    const limit = spec.backoffLimit;
    if (limit === undefined) yield reportOn(object, object.range, `${describe(object)} has no backoffLimit (the default is 6 retries).`);
    else if (typeof limit === 'number' && limit > maxBackoff) yield reportOn(object, rangeIn(object, spec, 'backoffLimit'), `backoffLimit ${limit} is above ${maxBackoff}.`);
  },
};
