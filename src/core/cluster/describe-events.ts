// The Events section of Describe: core/v1 Events as kubectl's table shows them.
import { humanDuration } from '../text/age.ts';
import { integer, record, text, timestamp } from './object-fields.ts';

/** One event as the Events table shows it; times in ms since the epoch. */
export interface DescribedEvent {
  readonly type: string;
  readonly reason: string;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly count: number;
  readonly source: string;
  readonly message: string;
}

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
  const rows = [...shown.events].sort((a, b) => a.lastSeen - b.lastSeen).map((event) => [event.type, event.reason, eventAge(event, now), event.source, event.message.replace(/\s+/g, ' ')]);
  const header = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------']];
  const table = [...header, ...rows];
  const widths = [0, 1, 2, 3].map((column) => table.reduce((widest, row) => Math.max(widest, (row[column] ?? '').length), 0));
  return ['Events:', ...table.map((row) => `  ${row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  ')}`.trimEnd())];
}

/** A core/v1 Event as the table shows it (times fall back as kubectl's do: last → event → first). */
export function describedEvent(raw: unknown): DescribedEvent {
  const event = record(raw);
  const first = timestamp(event['firstTimestamp']) ?? timestamp(event['eventTime']) ?? 0;
  const last = timestamp(event['lastTimestamp']) ?? timestamp(event['eventTime']) ?? first;
  const source = record(event['source']);
  return {
    type: text(event['type']),
    reason: text(event['reason']),
    firstSeen: first,
    lastSeen: last,
    count: Math.max(1, integer(event['count'])),
    source: [text(source['component']) || text(event['reportingComponent']), text(source['host'])].filter((part) => part !== '').join(', '),
    message: text(event['message']),
  };
}
