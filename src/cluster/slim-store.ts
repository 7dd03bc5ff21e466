// The cache of one resource in one context: slim objects keyed by namespace/name, with secondary
// indexes (pods by node, workloads by namespace) so the tree answers from memory, and a change
// event per mutation for the coalescing views above. An index is built when first asked and kept
// current from then on: pods by owner or namespace cost 150,000 entries each on a big cluster, and
// nobody may ever expand a workload.
import { Emitter, type Disposable } from './disposable.ts';

export interface StoreChange<T> {
  readonly type: 'upsert' | 'delete' | 'reset';
  /** The object after an upsert, before a delete; undefined for a reset (a relist replaced all). */
  readonly item: T | undefined;
  /** The object before an upsert of an existing key. */
  readonly previous: T | undefined;
}

export type IndexFunction<T> = (item: T) => string;

export class SlimStore<T extends { readonly meta: { readonly namespace: string; readonly name: string } }> {
  private readonly items = new Map<string, T>();
  /** Only built indexes are kept current: one not yet asked for has no buckets. */
  private readonly indexes = new Map<string, { fn: IndexFunction<T>; buckets: Map<string, Map<string, T>> | undefined }>();
  private readonly changes = new Emitter<StoreChange<T>>();
  private membership = 0;

  static key(namespace: string, name: string): string {
    return namespace === '' ? name : `${namespace}/${name}`;
  }

  addIndex(name: string, fn: IndexFunction<T>): void {
    this.indexes.set(name, { fn, buckets: undefined });
  }

  /** The buckets of index `name`, built on first use; undefined for an index never added. */
  private index(name: string): Map<string, Map<string, T>> | undefined {
    const index = this.indexes.get(name);
    if (index === undefined || index.buckets !== undefined) return index?.buckets;
    const buckets = new Map<string, Map<string, T>>();
    for (const [key, item] of this.items) this.indexAdd(buckets, index.fn(item), key, item);
    index.buckets = buckets;
    return buckets;
  }

  /** The indexes built so far, which every mutation keeps current. */
  private *built(): Generator<{ fn: IndexFunction<T>; buckets: Map<string, Map<string, T>> }> {
    for (const { fn, buckets } of this.indexes.values()) if (buckets !== undefined) yield { fn, buckets };
  }

  /** Changes whenever an object is added or removed (not when one is updated): a key for caches of sorted lists. */
  get membershipVersion(): number {
    return this.membership;
  }

  get size(): number {
    return this.items.size;
  }

  get(namespace: string, name: string): T | undefined {
    return this.items.get(SlimStore.key(namespace, name));
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  /** The items whose index `name` yields `value`; empty when none. */
  byIndex(name: string, value: string): readonly T[] {
    const bucket = this.index(name)?.get(value);
    return bucket === undefined ? [] : [...bucket.values()];
  }

  /** The distinct values of index `name` (e.g. the namespaces that have workloads). */
  indexValues(name: string): readonly string[] {
    return [...(this.index(name)?.keys() ?? [])];
  }

  countByIndex(name: string, value: string): number {
    return this.index(name)?.get(value)?.size ?? 0;
  }

  onDidChange(listener: (change: StoreChange<T>) => void): Disposable {
    return this.changes.on(listener);
  }

  upsert(item: T): void {
    const key = SlimStore.key(item.meta.namespace, item.meta.name);
    const previous = this.items.get(key);
    if (previous !== undefined) this.unindex(key, previous);
    else this.membership += 1;
    this.items.set(key, item);
    for (const { fn, buckets } of this.built()) this.indexAdd(buckets, fn(item), key, item);
    this.changes.fire({ type: 'upsert', item, previous });
  }

  delete(namespace: string, name: string): void {
    const key = SlimStore.key(namespace, name);
    const previous = this.items.get(key);
    if (previous === undefined) return;
    this.items.delete(key);
    this.membership += 1;
    this.unindex(key, previous);
    this.changes.fire({ type: 'delete', item: previous, previous });
  }

  /**
   * Adds one page of a first list, with one change event for the page: rows show before the last page
   * is in. The list's end still replaces everything (a list restarted midway may have lost objects).
   */
  fill(items: readonly T[]): void {
    this.membership += 1;
    for (const item of items) {
      const key = SlimStore.key(item.meta.namespace, item.meta.name);
      const previous = this.items.get(key);
      if (previous !== undefined) this.unindex(key, previous);
      this.items.set(key, item);
      for (const { fn, buckets } of this.built()) this.indexAdd(buckets, fn(item), key, item);
    }
    this.changes.fire({ type: 'reset', item: undefined, previous: undefined });
  }

  /** Replaces everything after a (re)list, with one change event instead of one per object. */
  replace(items: Iterable<T>): void {
    this.membership += 1;
    this.items.clear();
    const built = [...this.built()];
    for (const { buckets } of built) buckets.clear();
    for (const item of items) {
      const key = SlimStore.key(item.meta.namespace, item.meta.name);
      this.items.set(key, item);
      for (const { fn, buckets } of built) this.indexAdd(buckets, fn(item), key, item);
    }
    this.changes.fire({ type: 'reset', item: undefined, previous: undefined });
  }

  private indexAdd(buckets: Map<string, Map<string, T>>, value: string, key: string, item: T): void {
    let bucket = buckets.get(value);
    if (bucket === undefined) buckets.set(value, (bucket = new Map()));
    bucket.set(key, item);
  }

  private unindex(key: string, item: T): void {
    for (const { fn, buckets } of this.built()) {
      const value = fn(item);
      const bucket = buckets.get(value);
      bucket?.delete(key);
      if (bucket?.size === 0) buckets.delete(value);
    }
  }
}
