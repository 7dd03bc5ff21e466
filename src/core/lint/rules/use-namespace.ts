import { crdKinds, isNamespaced } from '../crds.ts';
import { objectRange } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';

export const useNamespace: Rule = {
  id: 'use-namespace',
  category: 'reliability',
  severity: 'info',
  kinds: ['*'],
  description: 'A namespaced object without `metadata.namespace`.',
  why: 'The object lands in whatever namespace the applying context uses, which differs between people and CI.',
  *check(context) {
    const crds = crdKinds(context);
    for (const object of context.objects) {
      if (object.namespace !== undefined || object.name === undefined || isNamespaced(object, crds, context) !== true) continue;
      yield reportOn(object, objectRange(object), `${describe(object)} has no metadata.namespace.`);
    }
  },
};
