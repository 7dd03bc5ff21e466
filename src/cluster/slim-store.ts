// The cache of one resource in one context: slim objects keyed by namespace/name, with secondary
// indexes (pods by node, workloads by namespace) so the tree answers from memory, and a change
// event per mutation for the coalescing views above.
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
  private readonly indexes = new Map<string, { fn: IndexFunction<T>; buckets: Map<string, Map<string, T>> }>();
  private readonly changes = new Emitter<StoreChange<T>>();
  private membership = 0;

  static key(namespace: string, name: string): string {
    return namespace === '' ? name : `${namespace}/${name}`;
  }

  addIndex(name: string, fn: IndexFunction<T>): void {
    const buckets = new Map<string, Map<string, T>>();
    this.indexes.set(name, { fn, buckets });
    for (const [key, item] of this.items) this.indexAdd(buckets, fn(item), key, item);
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
    const bucket = this.indexes.get(name)?.buckets.get(value);
    return bucket === undefined ? [] : [...bucket.values()];
  }

  /** The distinct values of index `name` (e.g. the namespaces that have workloads). */
  indexValues(name: string): readonly string[] {
    return [...(this.indexes.get(name)?.buckets.keys() ?? [])];
  }

  countByIndex(name: string, value: string): number {
    return this.indexes.get(name)?.buckets.get(value)?.size ?? 0;
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
    for (const { fn, buckets } of this.indexes.values()) this.indexAdd(buckets, fn(item), key, item);
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

  /** Replaces everything after a (re)list, with one change event instead of one per object. */
  replace(items: Iterable<T>): void {
    this.membership += 1;
    this.items.clear();
    for (const { buckets } of this.indexes.values()) buckets.clear();
    for (const item of items) {
      const key = SlimStore.key(item.meta.namespace, item.meta.name);
      this.items.set(key, item);
      for (const { fn, buckets } of this.indexes.values()) this.indexAdd(buckets, fn(item), key, item);
    }
    this.changes.fire({ type: 'reset', item: undefined, previous: undefined });
  }

  private indexAdd(buckets: Map<string, Map<string, T>>, value: string, key: string, item: T): void {
    let bucket = buckets.get(value);
    if (bucket === undefined) buckets.set(value, (bucket = new Map()));
    bucket.set(key, item);
  }

  private unindex(key: string, item: T): void {
    for (const { fn, buckets } of this.indexes.values()) {
      const value = fn(item);
      const bucket = buckets.get(value);
      bucket?.delete(key);
      if (bucket?.size === 0) buckets.delete(value);
    }
  }
}
