import { deprecationOf } from '../deprecations.ts';
import { anyKind, builtInKinds, kindKey } from '../kinds.ts';
import { reportOn } from '../report.ts';
import { rangeIn } from '../ranges.ts';
import { crdKinds } from '../crds.ts';
import type { Rule, RuleContext } from '../types.ts';

/** Kinds known beyond the built-in ones: the file set's CRDs and the connected cluster's. */
function knownKinds(context: RuleContext): Set<string> {
  return new Set([...context.derived(crdKinds).keys(), ...(context.facts.cluster?.knownKinds ?? []).map((entry) => kindKey(entry.apiVersion, entry.kind))]);
}

export const unknownKind: Rule = {
  id: 'unknown-kind',
  category: 'schema',
  severity: 'warning',
  kinds: anyKind,
  description: 'The `apiVersion`/`kind` pair is not a built-in kind and no CustomResourceDefinition for it is known (in the file set or the connected cluster).',
  why: 'A misspelt kind or a missing CRD makes `kubectl apply` fail with "no matches for kind".',
  *checkObject(object, context) {
    const { apiVersion, kind } = object;
    if (apiVersion === undefined || kind === undefined) return;
    const key = kindKey(apiVersion, kind);
    if (builtInKinds.has(key) || context.derived(knownKinds).has(key) || deprecationOf(apiVersion, kind) !== undefined) return;
    yield reportOn(object, rangeIn(object, object.value, 'kind'), `Unknown kind: ${kind} in ${apiVersion} is not built in and no CustomResourceDefinition for it is known.`);
  },
};
