import { crdKinds, isNamespaced } from '../crds.ts';
import { describe, reportOn } from '../report.ts';
import { anyKind } from '../kinds.ts';
import type { Rule } from '../types.ts';

export const useNamespace: Rule = {
  id: 'use-namespace',
  category: 'reliability',
  severity: 'info',
  kinds: anyKind,
  description: 'A namespaced object without `metadata.namespace`.',
  why: 'The object lands in whatever namespace the applying context uses, which differs between people and CI.',
  *checkObject(object, context) {
    if (object.namespace !== undefined || object.name === undefined || isNamespaced(object, context.derived(crdKinds), context) !== true) return;
    yield reportOn(object, object.range, `${describe(object)} has no metadata.namespace.`);
  },
};
