import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';

export const pdbMaxUnavailable: Rule = {
  id: 'pdb-max-unavailable',
  category: 'reliability',
  severity: 'warning',
  kinds: ['PodDisruptionBudget'],
  description: 'A PodDisruptionBudget with `maxUnavailable: 0` (or "0%").',
  why: 'No pod may ever be evicted, so `kubectl drain` and node upgrades hang for ever.',
  *checkObject(object) {
    const spec = mappingAt(object.value, 'spec');
    const value = spec?.maxUnavailable;
    if (value !== 0 && value !== '0%' && value !== '0') return;
    yield reportOn(object, rangeIn(object, spec, 'maxUnavailable'), `${describe(object)} allows no disruption: nodes running its pods can never be drained.`);
  },
};
