import type { CollectionInfo, MappingEntry, Range } from './types.ts';

export type PathSegment = string | number;

/**
 * Where the constructed values came from. Keyed by the mapping/sequence objects themselves (scalars
 * are found through their parent), so a rule holding a container object asks for its `image` range
 * without building path strings. An alias shares its anchor's object, so it reports the anchor's place.
 */
export class Positions {
  private readonly infos = new WeakMap<object, CollectionInfo>();

  record(value: object, info: CollectionInfo): void {
    this.infos.set(value, info);
  }

  info(value: unknown): CollectionInfo | undefined {
    return typeof value === 'object' && value !== null ? this.infos.get(value) : undefined;
  }

  /** The range of a mapping or sequence node. */
  rangeOf(value: unknown): Range | undefined {
    return this.info(value)?.range;
  }

  entry(mapping: unknown, key: string): MappingEntry | undefined {
    const info = this.info(mapping);
    return info?.kind === 'mapping' ? info.entries.get(key) : undefined;
  }

  keyRange(mapping: unknown, key: string): Range | undefined {
    return this.entry(mapping, key)?.key;
  }

  /** The range of `container[key]` (a mapping key or a sequence index), scalar or not. */
  valueRange(container: unknown, key: PathSegment): Range | undefined {
    const info = this.info(container);
    if (info === undefined) return undefined;
    if (info.kind === 'mapping') return typeof key === 'string' ? info.entries.get(key)?.value : undefined;
    return typeof key === 'number' ? info.items[key] : undefined;
  }

  /** The range at a value path from `root`: its key (for a mapping member) or its value. */
  at(root: unknown, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Range | undefined {
    if (path.length === 0) return this.rangeOf(root);
    let parent: unknown = root;
    for (const segment of path.slice(0, -1)) {
      if (typeof parent !== 'object' || parent === null) return undefined;
      parent = (parent as Record<PathSegment, unknown>)[segment];
    }
    const last = path[path.length - 1] as PathSegment;
    if (part === 'key' && typeof last === 'string') return this.keyRange(parent, last);
    return this.valueRange(parent, last);
  }
}
