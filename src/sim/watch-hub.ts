/**
 * Fans store events out to watchers and keeps a bounded history (a ring) so a watch can resume
 * from a resourceVersion; older versions get 410 Gone, as etcd compaction causes on a real server.
 */
import type { Matcher } from './selectors.ts';
import { typeKey } from './resources.ts';
import type { Store, StoreEvent } from './store.ts';

export interface Watcher {
  readonly typeKey: string;
  readonly namespace: string | undefined;
  readonly matcher: Matcher | undefined;
  deliver(event: StoreEvent): void;
  /** Ends the stream (a dropped watch, as when an apiserver restarts). */
  close(): void;
}

export class WatchHub {
  private readonly ring: (StoreEvent | undefined)[];
  private next = 0;
  private size = 0;
  private readonly watchers = new Set<Watcher>();
  /** The store's resourceVersion when the history began. */
  private startVersion: number;
  private readonly store: Store;

  constructor(store: Store, capacity: number) {
    this.ring = new Array<StoreEvent | undefined>(capacity);
    this.startVersion = store.resourceVersion;
    this.store = store;
    store.subscribe((event) => this.publish(event));
  }

  get watcherCount(): number {
    return this.watchers.size;
  }

  /** Forgets the history (after seeding): watches resume only from the current resourceVersion on. */
  restart(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
    this.startVersion = this.store.resourceVersion;
  }

  /** Events of a type newer than `version`, or undefined when the history no longer reaches back that far. */
  since(key: string, version: number): StoreEvent[] | undefined {
    if (version < this.oldestVersion) return undefined;
    const events: StoreEvent[] = [];
    for (let index = 0; index < this.size; index += 1) {
      const event = this.eventAt(index);
      if (event !== undefined && event.resourceVersion > version && typeKey(event.resource) === key) events.push(event);
    }
    return events;
  }

  /** The oldest resourceVersion a watch may resume from, for the 410 message. */
  get oldestVersion(): number {
    return this.size < this.ring.length ? this.startVersion : (this.eventAt(0)?.resourceVersion ?? 0) - 1;
  }

  add(watcher: Watcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  dropAll(): number {
    const dropped = [...this.watchers];
    this.watchers.clear();
    for (const watcher of dropped) watcher.close();
    return dropped.length;
  }

  private eventAt(index: number): StoreEvent | undefined {
    const start = (this.next - this.size + this.ring.length) % this.ring.length;
    return this.ring[(start + index) % this.ring.length];
  }

  private publish(event: StoreEvent): void {
    this.ring[this.next] = event;
    this.next = (this.next + 1) % this.ring.length;
    this.size = Math.min(this.size + 1, this.ring.length);
    const key = typeKey(event.resource);
    const namespace = event.object.metadata.namespace;
    for (const watcher of this.watchers) {
      if (watcher.typeKey !== key) continue;
      if (watcher.namespace !== undefined && watcher.namespace !== namespace) continue;
      if (watcher.matcher !== undefined && !watcher.matcher(event.object)) continue;
      watcher.deliver(event);
    }
  }
}
