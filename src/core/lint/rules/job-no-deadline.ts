import { jobSpec } from '../jobs.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';

export const jobNoDeadline: Rule = {
  id: 'job-no-deadline',
  category: 'reliability',
  severity: 'info',
  kinds: ['Job', 'CronJob'],
  description: "A Job (or a CronJob's job template) without `activeDeadlineSeconds`.",
  why: 'A Job that hangs runs, and holds its resources, for ever; a deadline fails it so someone notices.',
  *checkObject(object) {
    const spec = jobSpec(object);
    if (spec !== undefined && spec.activeDeadlineSeconds === undefined) yield reportOn(object, object.range, `${describe(object)} has no activeDeadlineSeconds.`);
  },
};
