import type { Range } from '../yaml/types.ts';
import type { KubeObject } from './types.ts';

/**
 * The range of `holder[key]` (its value, or its key), falling back to the holder itself and then to the
 * object, so a finding always has a place even in an object built through aliases.
 */
export function rangeIn(object: KubeObject, holder: unknown, key: string | number, part: 'key' | 'value' = 'value'): Range {
  const { positions } = object;
  const exact = part === 'key' && typeof key === 'string' ? positions.keyRange(holder, key) : positions.valueRange(holder, key);
  return exact ?? positions.rangeOf(holder) ?? object.range;
}

/** Where a container-level finding without a specific field points: the container's `name`. */
export function containerRange(object: KubeObject, container: unknown): Range {
  return rangeIn(object, container, 'name');
}
