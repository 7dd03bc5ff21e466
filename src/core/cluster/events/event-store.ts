// A bounded cache of events: the newest `perObject` per object, none older than the server's
// --event-ttl (1 h), at most `total` in all. A 10,000-event burst costs at most `total` entries;
// what goes first is what arrived first (the oldest, as the API serves them in order).
import { ownerKey, replicaSetDeployment } from '../owner-match.ts';
import { isWarning, type SlimEvent } from './event-model.ts';

export interface EventLimits {
  readonly perObject: number;
  readonly ttlMs: number;
  readonly total: number;
}

export const defaultEventLimits: EventLimits = { perObject: 100, ttlMs: 60 * 60_000, total: 5_000 };

function eventKey(event: Pick<SlimEvent, 'meta'>): string {
  return `${event.meta.namespace}/${event.meta.name}`;
}

/** Newest first; among events seen at the same second, the latest arrival first. */
function newestFirst(events: Iterable<SlimEvent>): SlimEvent[] {
  return [...events].reverse().sort((a, b) => b.lastSeen - a.lastSeen);
}

export class EventStore {
  readonly limits: EventLimits;
  /** Every event by its own key. */
  private readonly all = new Map<string, SlimEvent>();
  /**
   * Arrival order for the total cap, oldest from `head`; entries replaced or removed since stay as
   * stale ones (not the object `all` holds) and are skipped. A Map cannot serve: iterating it from the
   * start walks every deleted slot before the first live one, which made a burst quadratic.
   */
  private order: SlimEvent[] = [];
  private head = 0;
  /** The same events by the object they are about, in arrival order. */
  private readonly byObject = new Map<string, Map<string, SlimEvent>>();
  /**
   * The ReplicaSets with events, by their Deployment's ownerKey: a ReplicaSet the quota or an admission
   * webhook keeps from creating pods (FailedCreate) is known by no pod, only by its events.
   */
  private readonly replicaSets = new Map<string, Set<string>>();
  /** Events dropped to stay within the limits (not those the server deleted or that expired). */
  dropped = 0;

  constructor(limits: Partial<EventLimits> = {}) {
    this.limits = { ...defaultEventLimits, ...limits };
  }

  get size(): number {
    return this.all.size;
  }

  /** Adds or replaces an event; the object keys whose events changed (none for one already expired). */
  upsert(event: SlimEvent, now: number): readonly string[] {
    const key = eventKey(event);
    const previous = this.all.get(key);
    const touched = previous === undefined ? [] : this.remove(key, previous);
    if (event.lastSeen < now - this.limits.ttlMs) return touched;
    this.all.set(key, event);
    this.order.push(event);
    let bucket = this.byObject.get(event.objectKey);
    if (bucket === undefined) {
      this.byObject.set(event.objectKey, (bucket = new Map()));
      this.indexReplicaSet(event, true);
    }
    bucket.set(key, event);
    if (bucket.size > this.limits.perObject) this.dropOldestOf(bucket);
    while (this.all.size > this.limits.total && this.head < this.order.length) {
      const oldest = this.order[this.head++] as SlimEvent;
      if (this.all.get(eventKey(oldest)) !== oldest) continue;
      this.dropped += 1;
      for (const objectKey of this.remove(eventKey(oldest), oldest)) touched.push(objectKey);
    }
    this.compact();
    if (!touched.includes(event.objectKey)) touched.push(event.objectKey);
    return touched;
  }

  delete(namespace: string, name: string): readonly string[] {
    const key = `${namespace}/${name}`;
    const event = this.all.get(key);
    return event === undefined ? [] : this.remove(key, event);
  }

  /** Everything after a (re)list: the newest last, so the limits keep the newest. */
  replace(events: Iterable<SlimEvent>, now: number): void {
    this.all.clear();
    this.byObject.clear();
    this.replicaSets.clear();
    this.order = [];
    this.head = 0;
    for (const event of [...events].sort((a, b) => a.lastSeen - b.lastSeen)) this.upsert(event, now);
  }

  /** Drops what the server's TTL would have deleted by now; the object keys that lost events. */
  expire(now: number): readonly string[] {
    const cutoff = now - this.limits.ttlMs;
    const touched = new Set<string>();
    for (const [key, event] of this.all) if (event.lastSeen < cutoff) for (const objectKey of this.remove(key, event)) touched.add(objectKey);
    return [...touched];
  }

  /** One object's events (eventObjectKey), newest first. */
  forObject(objectKey: string): SlimEvent[] {
    return newestFirst(this.byObject.get(objectKey)?.values() ?? []);
  }

  /** One object's Warning events seen within the TTL (the last hour), newest first. */
  warningsFor(objectKey: string, now: number): SlimEvent[] {
    const cutoff = now - this.limits.ttlMs;
    return this.forObject(objectKey).filter((event) => isWarning(event) && event.lastSeen >= cutoff);
  }

  /** The names of the Deployment's ReplicaSets that have cached events. */
  replicaSetsOf(namespace: string, deployment: string): string[] {
    return [...(this.replicaSets.get(ownerKey('Deployment', namespace, deployment)) ?? [])];
  }

  /** The cluster's Warning events within the TTL, newest first, at most `limit`. */
  recentWarnings(now: number, limit = Infinity): SlimEvent[] {
    const cutoff = now - this.limits.ttlMs;
    const warnings: SlimEvent[] = [];
    for (const event of this.all.values()) if (isWarning(event) && event.lastSeen >= cutoff) warnings.push(event);
    return newestFirst(warnings).slice(0, limit);
  }

  /** Every cached event, newest first. */
  recent(limit = Infinity): SlimEvent[] {
    return newestFirst(this.all.values()).slice(0, limit);
  }

  /** Drops the stale and consumed part of `order` once it outweighs the live events. */
  private compact(): void {
    if (this.order.length - this.head <= 2 * this.all.size + 1_024) return;
    this.order = this.order.slice(this.head).filter((event) => this.all.get(eventKey(event)) === event);
    this.head = 0;
  }

  private dropOldestOf(bucket: Map<string, SlimEvent>): void {
    let oldest: [string, SlimEvent] | undefined;
    for (const entry of bucket) if (oldest === undefined || entry[1].lastSeen < oldest[1].lastSeen) oldest = entry;
    if (oldest === undefined) return;
    this.dropped += 1;
    this.remove(oldest[0], oldest[1]);
  }

  private remove(key: string, event: SlimEvent): string[] {
    this.all.delete(key);
    const bucket = this.byObject.get(event.objectKey);
    bucket?.delete(key);
    if (bucket?.size === 0) {
      this.byObject.delete(event.objectKey);
      this.indexReplicaSet(event, false);
    }
    return [event.objectKey];
  }

  /** Adds or removes the event's object in `replicaSets` as its first event comes or its last goes. */
  private indexReplicaSet(event: SlimEvent, add: boolean): void {
    const { kind, namespace, name } = event.regarding;
    const deployment = kind === 'ReplicaSet' ? replicaSetDeployment(name) : undefined;
    if (deployment === undefined) return;
    const key = ownerKey('Deployment', namespace, deployment);
    const names = this.replicaSets.get(key) ?? new Set<string>();
    if (add) names.add(name);
    else names.delete(name);
    if (names.size === 0) this.replicaSets.delete(key);
    else this.replicaSets.set(key, names);
  }
}
