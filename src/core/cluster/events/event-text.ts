// Events as text: the CLI's table and the Events child's rows (type, reason, age, count, message),
// "<none>" when there are none, as `kubectl describe` says it.
import { textTable } from '../../allocator/text-table.ts';
import { humanDuration } from '../../text/age.ts';
import type { SlimEvent } from './event-model.ts';

/** "Pod/web-1", or "Pod/shop/web-1" when the namespace matters (events of several namespaces). */
export function regardingText(event: SlimEvent, withNamespace = false): string {
  const { kind, namespace, name } = event.regarding;
  return withNamespace && namespace !== '' ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

/** The last time seen, as an age ("5m"); "(x3 over 12m)" is the count column's job. */
export function eventAge(event: SlimEvent, now: number): string {
  return humanDuration(Math.max(0, now - event.lastSeen));
}

export interface EventTableOptions {
  /** Adds an OBJECT column (events of more than one object). */
  readonly object?: boolean;
  readonly namespaces?: boolean;
  /** false: the rows alone (more rows under a table already printed, as `--watch` adds them). */
  readonly header?: boolean;
}

/** The events in the order given, under TYPE REASON AGE COUNT [OBJECT] MESSAGE; "<none>" when empty. */
export function eventTable(events: readonly SlimEvent[], now: number, options: EventTableOptions = {}): string {
  if (events.length === 0) return '<none>\n';
  const withObject = options.object === true;
  const header = ['TYPE', 'REASON', 'AGE', 'COUNT', ...(withObject ? ['OBJECT'] : []), 'MESSAGE'];
  const rows = events.map((event) => [event.type, event.reason, eventAge(event, now), String(event.count), ...(withObject ? [regardingText(event, options.namespaces)] : []), event.message]);
  const table = textTable(header, rows);
  return options.header === false ? table.slice(table.indexOf('\n') + 1) : table;
}

/** A short line for tooltips and descriptions: "2 warnings" / "1 warning", or '' for none. */
export function warningCountText(count: number): string {
  return count === 0 ? '' : `${count} warning${count === 1 ? '' : 's'}`;
}
