import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';

export const noRollingUpdateStrategy: Rule = {
  id: 'no-rolling-update-strategy',
  category: 'reliability',
  severity: 'info',
  kinds: ['Deployment'],
  description: 'A Deployment with `strategy.type: Recreate`.',
  why: 'Recreate stops every old pod before starting new ones: each rollout is an outage. Use it only when two versions cannot run together.',
  *checkObject(object) {
    const strategy = mappingAt(object.value, 'spec', 'strategy');
    if (strategy?.type !== 'Recreate') return;
    yield reportOn(object, rangeIn(object, strategy, 'type'), `${describe(object)} uses the Recreate strategy: every rollout stops all pods first.`);
  },
};
