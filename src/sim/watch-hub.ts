/**
 * Fans store events out to watchers and keeps a bounded history (a ring) so a watch can resume
 * from a resourceVersion; older versions get 410 Gone, as etcd compaction causes on a real server.
 * It also keeps the bytes all watchers have not yet sent under one budget.
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
  /** Bytes written to the stream that the client has not taken yet. */
  buffered(): number;
}

/**
 * All watchers' unsent bytes together: each may hold 64 MiB (watch-response.ts), but forty that never
 * read would hold gigabytes. Over this, the watcher furthest behind is closed, as kube-apiserver
 * closes a watcher that cannot keep up; its client relists and watches again.
 */
export const maxWatchBufferBytes = 512 * 1024 * 1024;

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
  private readonly bufferBudget: number;
  /** Each watcher's unsent bytes when last seen, and their sum: an estimate that can only be high (buffers drain unseen). */
  private readonly lastBuffered = new Map<Watcher, number>();
  private bufferedTotal = 0;

  constructor(store: Store, capacity: number, bufferBudget = maxWatchBufferBytes) {
    this.ring = new Array<StoreEvent | undefined>(capacity);
    this.startVersion = store.resourceVersion;
    this.store = store;
    this.bufferBudget = bufferBudget;
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
    return () => this.forget(watcher);
  }

  dropAll(): number {
    const dropped = [...this.watchers];
    for (const watcher of dropped) this.forget(watcher);
    for (const watcher of dropped) watcher.close();
    return dropped.length;
  }

  /**
   * Called after each write to a watcher: O(1) while the estimate is under the budget; over it, the
   * exact sum is taken and the watchers furthest behind are closed until the rest fit.
   */
  noteBuffered(watcher: Watcher): void {
    if (!this.watchers.has(watcher)) return;
    this.track(watcher, watcher.buffered());
    if (this.bufferedTotal <= this.bufferBudget) return;
    for (const each of this.watchers) this.track(each, each.buffered());
    while (this.bufferedTotal > this.bufferBudget) {
      let slowest: Watcher | undefined;
      for (const each of this.watchers) if (slowest === undefined || (this.lastBuffered.get(each) ?? 0) > (this.lastBuffered.get(slowest) ?? 0)) slowest = each;
      if (slowest === undefined) return;
      this.forget(slowest);
      slowest.close();
    }
  }

  private track(watcher: Watcher, bytes: number): void {
    this.bufferedTotal += bytes - (this.lastBuffered.get(watcher) ?? 0);
    this.lastBuffered.set(watcher, bytes);
  }

  private forget(watcher: Watcher): void {
    this.watchers.delete(watcher);
    this.bufferedTotal -= this.lastBuffered.get(watcher) ?? 0;
    this.lastBuffered.delete(watcher);
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
