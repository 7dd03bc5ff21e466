/**
 * Pod templates compared as the Deployment controller compares them (EqualIgnoreHash): the
 * pod-template-hash label aside, and semantically, so a template `kubectl rollout undo` copies back
 * from a ReplicaSet (with `creationTimestamp: null` and `resources: {}` from Go's encoder) still
 * finds that ReplicaSet.
 */
import { isObject } from '../objects.ts';

const hashLabel = 'pod-template-hash';

/**
 * Canonical JSON with sorted keys, undefined for what Go's semantic equality cannot tell from absent
 * (null, empty maps, empty lists: apimachinery's forked DeepEqual treats nil and empty alike).
 */
function canonical(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return `[${value.map((each) => canonical(each) ?? 'null').join(',')}]`;
  }
  if (isObject(value)) {
    const entries = Object.keys(value).sort().flatMap((key) => {
      const text = canonical(value[key]);
      return text === undefined ? [] : [`${JSON.stringify(key)}:${text}`];
    });
    return entries.length === 0 ? undefined : `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function withoutHash(template: unknown): unknown {
  if (!isObject(template) || !isObject(template['metadata']) || !isObject(template['metadata']['labels'])) return template;
  const { [hashLabel]: _hash, ...labels } = template['metadata']['labels'];
  return { ...template, metadata: { ...template['metadata'], labels } };
}

export function sameTemplate(left: unknown, right: unknown): boolean {
  return canonical(withoutHash(left)) === canonical(withoutHash(right));
}
