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

/**
 * An event as a filtered watch sees it: an update that makes an object match is ADDED, one that
 * makes it stop matching is DELETED (as the apiserver's watch cache does); others pass or drop.
 */
export function filtered(event: StoreEvent, matcher: Matcher | undefined): StoreEvent | undefined {
  if (matcher === undefined) return event;
  const now = matcher(event.object);
  if (event.type !== 'MODIFIED' || event.previous === undefined) return now ? event : undefined;
  const before = matcher(event.previous);
  if (now) return before ? event : { ...event, type: 'ADDED' };
  return before ? { ...event, type: 'DELETED' } : undefined;
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
      const translated = filtered(event, watcher.matcher);
      if (translated !== undefined) watcher.deliver(translated);
    }
  }
}
