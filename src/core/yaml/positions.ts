import type { MappingEntry, Range } from './types.ts';

export type PathSegment = string | number;

/**
 * Where a collection came from. Key and value offsets live in the shared `spans` array (four numbers
 * per mapping entry: key start/end, value start/end; two per sequence item), so parsing allocates no
 * range objects; they are made only when a rule asks.
 */
type Info =
  | { readonly kind: 'mapping'; readonly start: number; readonly end: number; readonly entries: ReadonlyMap<string, number> }
  | { readonly kind: 'sequence'; readonly start: number; readonly end: number; readonly items: readonly number[] };

/**
 * Where the constructed values came from. Keyed by the mapping/sequence objects themselves (scalars
 * are found through their parent), so a rule holding a container object asks for its `image` range
 * without building path strings. An alias shares its anchor's object, so it reports the anchor's place.
 */
export class Positions {
  private readonly infos = new Map<object, Info>();
  /** Offsets, appended by the builder: see `Info`. */
  readonly spans: number[] = [];

  record(value: object, info: Info): void {
    this.infos.set(value, info);
  }

  private span(index: number): Range {
    return { start: this.spans[index] ?? 0, end: this.spans[index + 1] ?? 0 };
  }

  private info(value: unknown): Info | undefined {
    return typeof value === 'object' && value !== null ? this.infos.get(value) : undefined;
  }

  /** The span index of a mapping entry (for merge keys, which share their source's entries). */
  entryIndex(mapping: unknown, key: string): number | undefined {
    const info = this.info(mapping);
    return info?.kind === 'mapping' ? info.entries.get(key) : undefined;
  }

  /** The range of a mapping or sequence node. */
  rangeOf(value: unknown): Range | undefined {
    const info = this.info(value);
    return info === undefined ? undefined : { start: info.start, end: info.end };
  }

  entry(mapping: unknown, key: string): MappingEntry | undefined {
    const index = this.entryIndex(mapping, key);
    return index === undefined ? undefined : { key: this.span(index), value: this.span(index + 2) };
  }

  /** The key of a mapping's first entry in source order. */
  firstKeyRange(mapping: unknown): Range | undefined {
    const info = this.info(mapping);
    if (info?.kind !== 'mapping') return undefined;
    let first: number | undefined;
    for (const index of info.entries.values()) if (first === undefined || (this.spans[index] ?? 0) < (this.spans[first] ?? 0)) first = index;
    return first === undefined ? undefined : this.span(first);
  }

  keyRange(mapping: unknown, key: string): Range | undefined {
    const index = this.entryIndex(mapping, key);
    return index === undefined ? undefined : this.span(index);
  }

  /** The range of `container[key]` (a mapping key or a sequence index), scalar or not. */
  valueRange(container: unknown, key: PathSegment): Range | undefined {
    const info = this.info(container);
    if (info === undefined) return undefined;
    const index = info.kind === 'mapping' ? (typeof key === 'string' ? info.entries.get(key) : undefined) : typeof key === 'number' ? info.items[key] : undefined;
    if (index === undefined) return undefined;
    return this.span(info.kind === 'mapping' ? index + 2 : index);
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
