/**
 * core/v1 Events from the controllers, aggregated like client-go's recorder (same object, reason and
 * message → count + 1) and expired after an hour, kube-apiserver's default --event-ttl.
 */
import type { SimClock } from '../clock.ts';
import type { KubeObject } from '../objects.ts';
import type { Store } from '../store.ts';
import type { ResourceType } from '../resources.ts';

const ttlMs = 60 * 60 * 1000;

export interface EventSite {
  readonly fieldPath?: string;
  readonly host?: string;
}
const sweepMs = 5 * 60 * 1000;

export class EventRecorder {
  private readonly store: Store;
  private readonly clock: SimClock;
  private readonly type: ResourceType;
  /** Aggregation key → event name, and the names with their last time, for expiry. */
  private readonly byKey = new Map<string, { namespace: string; name: string; last: number }>();
  /** Nanoseconds past the millisecond in event names, so events of one millisecond keep distinct, ordered names. */
  private sequence = 0;

  constructor(store: Store, clock: SimClock, type: ResourceType) {
    this.store = store;
    this.clock = clock;
    this.type = type;
    clock.setInterval(() => this.expire(), sweepMs);
  }

  /** `where` names a container (`spec.containers{web}`) and the node a kubelet reports from, as the kubelet's events do. */
  record(involved: KubeObject, kind: 'Normal' | 'Warning', reason: string, message: string, component: string, where: EventSite = {}): void {
    const namespace = involved.metadata.namespace ?? 'default';
    const key = `${involved.metadata.uid ?? ''}|${where.fieldPath ?? ''}|${reason}|${message}`;
    const now = this.clock.timestamp();
    const known = this.byKey.get(key);
    const existing = known === undefined ? undefined : this.store.get(this.type, known.namespace, known.name);
    if (known !== undefined && existing !== undefined) {
      this.store.update(this.type, { ...existing, count: Number(existing['count'] ?? 1) + 1, lastTimestamp: now });
      known.last = this.clock.now();
      return;
    }
    // client-go names an event `<object>.<hex nanoseconds>`: names sort in the order events were made.
    this.sequence = (this.sequence + 1) % 1_000_000;
    const name = `${involved.metadata.name ?? 'unknown'}.${(BigInt(this.clock.now()) * 1_000_000n + BigInt(this.sequence)).toString(16)}`;
    this.store.create(this.type, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        kind: involved.kind,
        apiVersion: involved.apiVersion,
        name: involved.metadata.name,
        ...(involved.metadata.namespace === undefined ? {} : { namespace: involved.metadata.namespace }),
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
        ...(where.fieldPath === undefined ? {} : { fieldPath: where.fieldPath }),
      },
      reason,
      message,
      source: { component, ...(where.host === undefined ? {} : { host: where.host }) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type: kind,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: where.host ?? '',
    });
    this.byKey.set(key, { namespace, name, last: this.clock.now() });
  }

  private expire(): void {
    const cutoff = this.clock.now() - ttlMs;
    for (const [key, entry] of this.byKey) {
      if (entry.last > cutoff) continue;
      this.byKey.delete(key);
      if (this.store.get(this.type, entry.namespace, entry.name) !== undefined) this.store.delete(this.type, entry.namespace, entry.name);
    }
  }
}
