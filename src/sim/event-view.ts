/**
 * events.k8s.io/v1 Events: the core/v1 Events the sim stores, seen through the newer API, as
 * kube-apiserver converts between the two (same objects, same names and resourceVersions).
 * Served read-only (get, list, watch): the sim's controllers write through core/v1.
 */
import type { KubeObject } from './objects.ts';
import { isObject } from './objects.ts';
import type { Catalog, ResourceType } from './resources.ts';

export const eventsGroup = 'events.k8s.io';

function section(object: KubeObject, name: string): Record<string, unknown> {
  const value = object[name];
  return isObject(value) ? value : {};
}

/** One core/v1 Event as events.k8s.io/v1 shows it (k8s.io/kubernetes pkg/apis/events/v1 conversion). */
export function toEventsV1(event: KubeObject): KubeObject {
  const source = section(event, 'source');
  const component = typeof event['reportingComponent'] === 'string' && event['reportingComponent'] !== '' ? event['reportingComponent'] : source['component'];
  const instance = typeof event['reportingInstance'] === 'string' && event['reportingInstance'] !== '' ? event['reportingInstance'] : source['host'];
  const optional = (name: string, value: unknown): Record<string, unknown> => (value === undefined || value === null ? {} : { [name]: value });
  return {
    apiVersion: `${eventsGroup}/v1`,
    kind: 'Event',
    metadata: event.metadata,
    eventTime: event['eventTime'] ?? null,
    ...optional('series', event['series']),
    ...optional('reportingController', component),
    ...optional('reportingInstance', instance),
    ...optional('action', event['action']),
    ...optional('reason', event['reason']),
    ...optional('regarding', event['involvedObject']),
    ...optional('related', event['related']),
    ...optional('note', event['message']),
    ...optional('type', event['type']),
    ...(Object.keys(source).length === 0 ? {} : { deprecatedSource: source }),
    ...optional('deprecatedFirstTimestamp', event['firstTimestamp']),
    ...optional('deprecatedLastTimestamp', event['lastTimestamp']),
    ...optional('deprecatedCount', event['count']),
  };
}

/** The stored type behind a view and its conversion; undefined for a type served as itself. */
export interface View {
  readonly stored: ResourceType;
  readonly convert: (object: KubeObject) => KubeObject;
}

export function viewOf(catalog: Catalog, type: ResourceType): View | undefined {
  if (type.group !== eventsGroup || type.plural !== 'events') return undefined;
  return { stored: catalog.stored('', 'events'), convert: toEventsV1 };
}
