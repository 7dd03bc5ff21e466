// Field paths from offsets and across objects: a finding on one object (kustomize's rendered output)
// is carried to the same field of another (the resource or patch it came from).
import type { PathSegment, Positions } from '../yaml/positions.ts';
import type { Range } from '../yaml/types.ts';
import { asMapping } from './values.ts';

export interface FieldPath {
  readonly path: readonly PathSegment[];
  /** Whether the offset is on the last segment's key rather than its value. */
  readonly part: 'key' | 'value';
}

const inside = (range: Range | undefined, offset: number): boolean => range !== undefined && range.start <= offset && (offset < range.end || offset === range.start);

/** The deepest field of `root` whose key or value holds `offset` (deep as the YAML, bounded by it). */
export function pathAtOffset(positions: Positions, root: unknown, offset: number): FieldPath {
  const path: PathSegment[] = [];
  let node = root;
  for (;;) {
    const child = childAt(positions, node, offset);
    if (child === undefined) return { path, part: 'value' };
    path.push(child.segment);
    if (child.onKey) return { path, part: 'key' };
    node = child.value;
  }
}

function childAt(positions: Positions, node: unknown, offset: number): { segment: PathSegment; value: unknown; onKey: boolean } | undefined {
  if (Array.isArray(node)) {
    const index = node.findIndex((_, item) => inside(positions.valueRange(node, item), offset));
    return index < 0 ? undefined : { segment: index, value: node[index], onKey: false };
  }
  const mapping = asMapping(node);
  for (const key of Object.keys(mapping ?? {})) {
    const entry = positions.entry(mapping, key);
    if (inside(entry?.key, offset)) return { segment: key, value: mapping?.[key], onKey: true };
    if (inside(entry?.value, offset)) return { segment: key, value: mapping?.[key], onKey: false };
  }
  return undefined;
}

export interface Followed {
  /** The path in `to`: all of `path` when `complete`, else the longest prefix `to` has. */
  readonly path: readonly PathSegment[];
  readonly complete: boolean;
  /** `to`'s value at `path` when complete. */
  readonly value: unknown;
}

/**
 * `path` of `from` followed in `to`: list items are matched by their `name` (containers, ports,
 * volumes: how a strategic merge patch matches them), else by index.
 */
export function followPath(from: unknown, path: readonly PathSegment[], to: unknown): Followed {
  const found: PathSegment[] = [];
  let source = from;
  let target = to;
  for (const segment of path) {
    let next: PathSegment | undefined;
    if (typeof segment === 'number') {
      const name = asMapping(Array.isArray(source) ? source[segment] : undefined)?.name;
      const list = Array.isArray(target) ? target : [];
      const index = name === undefined ? segment : list.findIndex((item) => asMapping(item)?.name === name);
      next = index >= 0 && index < list.length ? index : undefined;
    } else if (Object.hasOwn(asMapping(target) ?? {}, segment)) {
      next = segment;
    }
    if (next === undefined) return { path: found, complete: false, value: undefined };
    found.push(next);
    source = (source as Record<PathSegment, unknown> | undefined)?.[segment];
    target = (target as Record<PathSegment, unknown>)[next];
  }
  return { path: found, complete: true, value: target };
}

/** Whether two values read the same: equal scalars, or two collections of one shape (their fields are compared deeper). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return Array.isArray(a) === Array.isArray(b);
  return a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));
}
