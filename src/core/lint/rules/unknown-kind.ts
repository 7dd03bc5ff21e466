import { deprecationOf } from '../deprecations.ts';
import { builtInKinds, kindKey } from '../kinds.ts';
import { reportOn } from '../report.ts';
import { rangeIn } from '../ranges.ts';
import { crdKinds } from '../crds.ts';
import type { Rule } from '../types.ts';

export const unknownKind: Rule = {
  id: 'unknown-kind',
  category: 'schema',
  severity: 'warning',
  kinds: ['*'],
  description: 'The `apiVersion`/`kind` pair is not a built-in kind and no CustomResourceDefinition for it is known (in the file set or the connected cluster).',
  why: 'A misspelt kind or a missing CRD makes `kubectl apply` fail with "no matches for kind".',
  *check(context) {
    const known = new Set([...crdKinds(context).keys(), ...(context.facts.cluster?.knownKinds ?? []).map((entry) => kindKey(entry.apiVersion, entry.kind))]);
    for (const object of context.objects) {
      const { apiVersion, kind } = object;
      if (apiVersion === undefined || kind === undefined) continue;
      const key = kindKey(apiVersion, kind);
      if (builtInKinds.has(key) || known.has(key) || deprecationOf(apiVersion, kind) !== undefined) continue;
      yield reportOn(object, rangeIn(object, object.value, 'kind'), `Unknown kind: ${kind} in ${apiVersion} is not built in and no CustomResourceDefinition for it is known.`);
    }
  },
};
