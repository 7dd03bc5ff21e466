import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { asList, asMapping, valueAt } from '../values.ts';

export const wildcardInRules: Rule = {
  id: 'wildcard-in-rules',
  category: 'security',
  severity: 'error',
  kinds: ['Role', 'ClusterRole'],
  description: 'A Role or ClusterRole rule with `*` in verbs, resources or apiGroups.',
  why: 'A wildcard grants everything, including resources and verbs added in later versions; list what is needed.',
  *checkObject(object) {
    for (const rule of asList(valueAt(object.value, 'rules'))) {
      for (const field of ['apiGroups', 'resources', 'verbs']) {
        const list = asMapping(rule)?.[field];
        for (const [index, entry] of asList(list).entries()) {
          if (entry === '*') yield reportOn(object, rangeIn(object, list, index), `${describe(object)} grants "*" in ${field}.`);
        }
      }
    }
  },
};
