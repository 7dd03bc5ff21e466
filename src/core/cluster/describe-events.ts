// The Events section of Describe: core/v1 Events as kubectl's table shows them.
import { humanDuration } from '../text/age.ts';
import type { SlimEvent } from './events/event-model.ts';

/** One event as the Events table shows it (slimEvent reads both Event APIs). */
export type DescribedEvent = Pick<SlimEvent, 'type' | 'reason' | 'firstSeen' | 'lastSeen' | 'count' | 'source' | 'message'>;

/** The object's events, or why they could not be read (a user without `list events`). */
export type DescribedEvents = { readonly events: readonly DescribedEvent[] } | { readonly error: string };

/** "5m", or "5m (x3 over 12m)" for an event seen several times, as kubectl's Age column. */
function eventAge(event: DescribedEvent, now: number): string {
  const age = humanDuration(now - event.lastSeen);
  return event.count > 1 ? `${age} (x${event.count} over ${humanDuration(now - event.firstSeen)})` : age;
}

/** kubectl's Events table, oldest first, or `<none>`. */
export function eventsTable(shown: DescribedEvents, now: number): string[] {
  if ('error' in shown) return [`Events:  <unknown: ${shown.error}>`];
  if (shown.events.length === 0) return ['Events:  <none>'];
  const rows = [...shown.events].sort((a, b) => a.lastSeen - b.lastSeen).map((event) => [event.type, event.reason, eventAge(event, now), event.source, event.message]);
  const header = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------']];
  const table = [...header, ...rows];
  const widths = [0, 1, 2, 3].map((column) => table.reduce((widest, row) => Math.max(widest, (row[column] ?? '').length), 0));
  return ['Events:', ...table.map((row) => `  ${row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  ')}`.trimEnd())];
}
