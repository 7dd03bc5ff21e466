import { objectRange } from '../ranges.ts';
import { describe, relatedTo, reportOn } from '../report.ts';
import type { KubeObject, Rule } from '../types.ts';

export const duplicateObject: Rule = {
  id: 'duplicate-object',
  category: 'schema',
  severity: 'error',
  kinds: ['*'],
  description: 'Two objects in the file set share API group, kind, namespace and name.',
  why: 'The later one silently overwrites the earlier on apply; usually a copy-paste that forgot to rename.',
  *check(context) {
    const seen = new Map<string, KubeObject>();
    for (const object of context.objects) {
      if (object.name === undefined || object.kind === undefined) continue;
      const key = [object.group, object.kind, object.namespace ?? '', object.name].join('\u0000');
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, object);
        continue;
      }
      yield reportOn(object, objectRange(object), `Duplicate object: ${describe(object)} is defined twice.`, {
        related: [relatedTo(first, objectRange(first), 'first definition')],
      });
    }
  },
};
