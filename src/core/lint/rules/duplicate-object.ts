import { anyKind } from '../kinds.ts';
import { describe, relatedTo, reportOn } from '../report.ts';
import { kustomizePatchFiles } from '../templates.ts';
import type { Rule, RuleContext, SetObject } from '../types.ts';

/** What the API server keys an object by; undefined for an object without kind or name. */
function identity(object: SetObject): string | undefined {
  return object.name === undefined || object.kind === undefined ? undefined : [object.group, object.kind, object.namespace ?? '', object.name].join('\u0000');
}

/** The first object of each identity in the file set: any later one is its duplicate. A kustomize patch names the object it changes, so it is none. */
function firstOfEach(context: RuleContext): Map<string, SetObject> {
  const first = new Map<string, SetObject>();
  const patches = context.derived(kustomizePatchFiles);
  for (const object of context.objects) {
    const key = patches.has(object.path) ? undefined : identity(object);
    if (key !== undefined && !first.has(key)) first.set(key, object);
  }
  return first;
}

export const duplicateObject: Rule = {
  id: 'duplicate-object',
  category: 'schema',
  severity: 'error',
  kinds: anyKind,
  description: 'Two objects in the file set share API group, kind, namespace and name.',
  why: 'The later one silently overwrites the earlier on apply; usually a copy-paste that forgot to rename.',
  *checkObject(object, context) {
    const key = context.derived(kustomizePatchFiles).has(object.file.path) ? undefined : identity(object);
    const first = key === undefined ? undefined : context.derived(firstOfEach).get(key);
    if (first === undefined || first === object) return;
    yield reportOn(object, object.range, `Duplicate object: ${describe(object)} is defined twice.`, {
      related: [relatedTo(first, first.range, 'first definition')],
    });
  },
};
