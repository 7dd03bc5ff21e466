import { quoteValue } from '../quote-value.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { serviceKinds } from '../workloads.ts';

export const restartPolicy: Rule = {
  id: 'restart-policy',
  category: 'reliability',
  severity: 'error',
  kinds: ['Job', 'CronJob', ...serviceKinds],
  description: 'A Job or CronJob pod template with `restartPolicy: Always`, or a Deployment-family template with a restartPolicy other than Always.',
  why: 'The API server rejects both: Jobs must end (OnFailure or Never) and controllers of long-running pods only support Always.',
  *checkObject(object, context) {
    const spec = context.workloads.pod(object)?.spec;
    const policy = spec?.restartPolicy;
    if (policy === undefined) return;
    const isJob = object.kind === 'Job' || object.kind === 'CronJob';
    if (isJob ? policy !== 'Always' : policy === 'Always') return;
    const message = isJob ? 'A Job pod cannot use restartPolicy Always; use OnFailure or Never.' : `A ${object.kind ?? ''} pod must use restartPolicy Always, not ${quoteValue(policy)}.`;
    yield reportOn(object, rangeIn(object, spec, 'restartPolicy'), message);
  },
};
