import type { MappingEntry, Range } from './types.ts';

export type PathSegment = string | number;

/**
 * Where a collection came from. Key and value offsets live in the shared `spans` array (four numbers
 * per mapping entry: key start/end, value start/end; two per sequence item), so parsing allocates no
 * range objects; they are made only when a rule asks. Mapping entries are a flat `[key, span, key,
 * span, ...]` list: most mappings are small, and one array is far cheaper to build than a Map.
 */
export type CollectionInfo =
  | { readonly kind: 'mapping'; readonly start: number; readonly end: number; readonly entries: readonly (string | number)[] }
  | { readonly kind: 'sequence'; readonly start: number; readonly end: number; readonly items: readonly number[] };
type Info = CollectionInfo;

/**
 * Where the constructed values came from. Keyed by the mapping/sequence objects themselves (scalars
 * are found through their parent), so a rule holding a container object asks for its `image` range
 * without building path strings. An alias shares its anchor's object, so it reports the anchor's place.
 */
export class Positions {
  private readonly infos = new Map<object, Info>();
  /** Offsets, appended by the builder: see `Info`. */
  readonly spans = new Spans();

  record(value: object, info: Info): void {
    this.infos.set(value, info);
  }

  private span(index: number): Range {
    return { start: this.spans.get(index), end: this.spans.get(index + 1) };
  }

  private info(value: unknown): Info | undefined {
    return typeof value === 'object' && value !== null ? this.infos.get(value) : undefined;
  }

  /** The span index of a mapping entry (for merge keys, which share their source's entries). */
  entryIndex(mapping: unknown, key: string): number | undefined {
    const info = this.info(mapping);
    return info?.kind === 'mapping' ? spanOf(info.entries, key) : undefined;
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
    for (let slot = 1; slot < info.entries.length; slot += 2) {
      const index = info.entries[slot] as number;
      if (first === undefined || this.spans.get(index) < this.spans.get(first)) first = index;
    }
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
    const index = info.kind === 'mapping' ? (typeof key === 'string' ? spanOf(info.entries, key) : undefined) : typeof key === 'number' ? info.items[key] : undefined;
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

/** The span index recorded for `key` in a flat entry list (the last one wins, as for the values). */
export function spanOf(entries: readonly (string | number)[], key: string): number | undefined {
  for (let slot = entries.length - 2; slot >= 0; slot -= 2) if (entries[slot] === key) return entries[slot + 1] as number;
  return undefined;
}

/**
 * A growable list of offsets in a typed array: the builder appends four per mapping key and two per
 * sequence item, for every node of every file, so plain arrays' growth and GC scanning would dominate.
 */
export class Spans {
  private data: Int32Array = new Int32Array(256);
  length = 0;

  get(index: number): number {
    return index < this.length ? (this.data[index] as number) : 0;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** Appends two slots; returns the first one's index. */
  push2(first: number, second: number): number {
    const index = this.reserve(2);
    this.data[index] = first;
    this.data[index + 1] = second;
    return index;
  }

  /** Appends four slots, the last two zero (a mapping entry's value, set when it is read). */
  push4(first: number, second: number): number {
    const index = this.reserve(4);
    this.data[index] = first;
    this.data[index + 1] = second;
    return index;
  }

  private reserve(count: number): number {
    const index = this.length;
    if (index + count > this.data.length) {
      const grown = new Int32Array(Math.max(256, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.length = index + count;
    return index;
  }
}
