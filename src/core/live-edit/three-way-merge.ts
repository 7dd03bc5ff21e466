// The save of an edited live object: my changes (base → mine) applied onto the object as the server
// holds it (theirs), field by field. Where both sides changed the same field differently, that
// field's path is a conflict and theirs stays. Lists whose items all carry a unique `name`
// (containers, ports, env, volumes) merge item by item, as strategic merge patch does; other lists
// are one value.
import { isRecord } from './live-object.ts';

export interface MergeResult {
  readonly merged: unknown;
  /** Field paths both sides changed, as `spec.template.spec.containers[web].image`. */
  readonly conflicts: readonly string[];
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => same(item, b[index]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && same(a[key], b[key]));
}

/** The names of a list's items, when every item is an object with a distinct string name. */
function names(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const found = list.map((item) => (isRecord(item) && typeof item['name'] === 'string' ? item['name'] : undefined));
  if (found.some((name) => name === undefined) || new Set(found).size !== found.length) return undefined;
  return found as string[];
}

/** Keys of theirs in their order, then keys only mine added. */
function unionKeys(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  return [...new Set([...theirs, ...mine, ...base])];
}

function mergeAt(base: unknown, mine: unknown, theirs: unknown, path: string, conflicts: string[]): unknown {
  if (same(mine, base) || same(mine, theirs)) return theirs;
  if (same(theirs, base)) return mine;
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const merged: Record<string, unknown> = {};
    for (const key of unionKeys(Object.keys(base), Object.keys(mine), Object.keys(theirs))) {
      const value = mergeAt(base[key], mine[key], theirs[key], path === '' ? key : `${path}.${key}`, conflicts);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  const [baseNames, mineNames, theirNames] = [names(base), names(mine), names(theirs)];
  if (baseNames !== undefined && mineNames !== undefined && theirNames !== undefined) {
    const item = (list: unknown, name: string): unknown => (list as Record<string, unknown>[]).find((each) => each['name'] === name);
    return unionKeys(baseNames, mineNames, theirNames).flatMap((name) => {
      const value = mergeAt(item(base, name), item(mine, name), item(theirs, name), `${path}[${name}]`, conflicts);
      return value === undefined ? [] : [value];
    });
  }
  conflicts.push(path);
  return theirs;
}

/** Applies base → mine onto theirs; `undefined` on a side means the field is absent there. */
export function threeWayMerge(base: unknown, mine: unknown, theirs: unknown): MergeResult {
  const conflicts: string[] = [];
  const merged = mergeAt(base, mine, theirs, '', conflicts);
  return { merged, conflicts };
}
