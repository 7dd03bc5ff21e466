// The connection's events: a reflector fills the core's bounded EventStore, and listeners hear which
// objects' events changed at most once per interval (250 ms: ≤ 4 refreshes a second), so a burst of
// 10,000 events is a handful of notifications, not 10,000. The server's 1 h TTL is applied here
// too, every minute, since a watch only tells about deletions the server made.
import { eventObjectKey, type SlimEvent } from '../core/cluster/events/event-model.ts';
import { EventStore, type EventLimits } from '../core/cluster/events/event-store.ts';
import { Emitter, type Disposable } from './disposable.ts';
import type { ReflectorStore } from './reflector.ts';

/** Which objects' events changed since the last notification; `all` after a relist or a large burst. */
export type EventsChange = { readonly all: true } | { readonly all: false; readonly objectKeys: ReadonlySet<string> };

export interface EventCacheOptions {
  readonly limits?: Partial<EventLimits>;
  /** Milliseconds between notifications at most (default 250). */
  readonly intervalMs?: number;
  /** The time events are aged against (tests pass a fixed one). */
  readonly now?: () => number;
}

/** More changed objects than this in one interval are reported as `all` (a listener refreshes everything anyway). */
const maxKeysPerChange = 1_000;
const expireEveryMs = 60_000;

export class EventCache implements ReflectorStore<SlimEvent>, Disposable {
  private readonly store: EventStore;
  private readonly changes = new Emitter<EventsChange>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private pending = new Set<string>();
  private pendingAll = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly expireTimer: ReturnType<typeof setInterval>;

  constructor(options: EventCacheOptions = {}) {
    this.store = new EventStore(options.limits);
    this.intervalMs = options.intervalMs ?? 250;
    this.now = options.now ?? Date.now;
    this.expireTimer = setInterval(() => this.touch(this.store.expire(this.now())), expireEveryMs);
    this.expireTimer.unref();
  }

  get limits(): EventLimits {
    return this.store.limits;
  }

  get size(): number {
    return this.store.size;
  }

  /** Events dropped to stay within the limits since the cache was made. */
  get dropped(): number {
    return this.store.dropped;
  }

  /** One object's cached events, newest first. `namespace` is '' for cluster-scoped kinds (Node). */
  forObject(kind: string, namespace: string, name: string): readonly SlimEvent[] {
    return this.store.forObject(eventObjectKey(kind, namespace, name));
  }

  /** One object's Warning events in the last hour, newest first: a row's decoration and tooltip. */
  warningsFor(kind: string, namespace: string, name: string): readonly SlimEvent[] {
    return this.store.warningsFor(eventObjectKey(kind, namespace, name), this.now());
  }

  /** The names of a Deployment's ReplicaSets that have cached events (those without pods too). */
  replicaSetsOf(namespace: string, deployment: string): readonly string[] {
    return this.store.replicaSetsOf(namespace, deployment);
  }

  /** The cluster's Warning events in the last hour, newest first. */
  recentWarnings(limit?: number): readonly SlimEvent[] {
    return this.store.recentWarnings(this.now(), limit);
  }

  /** Every cached event, newest first. */
  recent(limit?: number): readonly SlimEvent[] {
    return this.store.recent(limit);
  }

  /** Coalesced: at most one call per interval, naming the objects (eventObjectKey) whose events changed. */
  onDidChange(listener: (change: EventsChange) => void): Disposable {
    return this.changes.on(listener);
  }

  upsert(event: SlimEvent): void {
    this.touch(this.store.upsert(event, this.now()));
  }

  delete(namespace: string, name: string): void {
    this.touch(this.store.delete(namespace, name));
  }

  fill(events: readonly SlimEvent[]): void {
    for (const event of events) this.upsert(event);
  }

  replace(events: Iterable<SlimEvent>): void {
    this.store.replace(events, this.now());
    this.pendingAll = true;
    this.schedule();
  }

  dispose(): void {
    clearInterval(this.expireTimer);
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.changes.clear();
  }

  private touch(objectKeys: readonly string[]): void {
    if (objectKeys.length === 0) return;
    if (!this.pendingAll) for (const key of objectKeys) this.pending.add(key);
    if (this.pending.size > maxKeysPerChange) {
      this.pendingAll = true;
      this.pending = new Set();
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => this.flush(), this.intervalMs);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const change: EventsChange = this.pendingAll ? { all: true } : { all: false, objectKeys: this.pending };
    this.pending = new Set();
    this.pendingAll = false;
    this.changes.fire(change);
  }
}
