// The slim event the cluster service caches and the views show: one shape for core/v1 and
// events.k8s.io/v1 Events (the same objects through two APIs), keyed by the object it is about.
import { integer, record, text, timestamp, type Json } from '../object-fields.ts';

export interface SlimEvent {
  /** The Event object's own key. */
  readonly meta: { readonly namespace: string; readonly name: string };
  /** What it is about (involvedObject / regarding); `namespace` is '' for cluster-scoped objects (nodes). */
  readonly regarding: { readonly kind: string; readonly namespace: string; readonly name: string; readonly uid: string };
  /** eventObjectKey of `regarding`: what the store indexes by. */
  readonly objectKey: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly count: number;
  /** Milliseconds since the epoch. */
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** "kubelet, node-1", "default-scheduler". */
  readonly source: string;
}

/** `Kind/namespace/name` (namespace empty for cluster-scoped kinds): one object's events. */
export function eventObjectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

export function isWarning(event: Pick<SlimEvent, 'type'>): boolean {
  return event.type === 'Warning';
}

/** Both APIs' spellings of one field: the events.k8s.io/v1 name first, its core/v1 name second. */
function either(event: Json, newer: string, older: string): unknown {
  return event[newer] ?? event[older];
}

/** A message on one line; most already are, and a test is cheaper than a replace. */
function oneLine(message: string): string {
  return /[\n\r\t]| {2}/.test(message) ? message.replace(/\s+/g, ' ').trim() : message;
}

/**
 * Trims a core/v1 or events.k8s.io/v1 Event. Times fall back as kubectl's do: a series' last
 * observation, else lastTimestamp, else eventTime, else the object's creation.
 */
export function slimEvent(raw: unknown): SlimEvent {
  const event = record(raw);
  const metadata = record(event['metadata']);
  const regarding = record(either(event, 'regarding', 'involvedObject'));
  const series = record(event['series']);
  const source = record(either(event, 'deprecatedSource', 'source'));
  const eventTime = event['eventTime'];
  const lastSeen = timestamp(series['lastObservedTime']) ?? timestamp(either(event, 'deprecatedLastTimestamp', 'lastTimestamp')) ?? timestamp(eventTime) ?? timestamp(metadata['creationTimestamp']) ?? 0;
  const firstSeen = timestamp(either(event, 'deprecatedFirstTimestamp', 'firstTimestamp')) ?? timestamp(eventTime) ?? lastSeen;
  const kind = text(regarding['kind']);
  const namespace = text(regarding['namespace']);
  const name = text(regarding['name']);
  const component = text(source['component']) || text(either(event, 'reportingController', 'reportingComponent'));
  const host = text(source['host']);
  return {
    meta: { namespace: text(metadata['namespace']), name: text(metadata['name']) },
    regarding: { kind, namespace, name, uid: text(regarding['uid']) },
    objectKey: eventObjectKey(kind, namespace, name),
    type: text(event['type']) || 'Normal',
    reason: text(event['reason']),
    message: oneLine(text(either(event, 'note', 'message'))),
    count: Math.max(1, integer(series['count']) || integer(either(event, 'deprecatedCount', 'count'))),
    firstSeen: Math.min(firstSeen, lastSeen),
    lastSeen,
    source: host === '' ? component : component === '' ? host : `${component}, ${host}`,
  };
}
