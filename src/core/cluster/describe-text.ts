// Describe as a user expects it: `kubectl describe`'s layout (metadata, the kind's own section or,
// for other kinds, every field as kubectl prints custom resources), then the object's events. The
// text is built from the redacted copy (describe.ts), so no secret value can reach it.
import { describeObject } from './describe.ts';
import { KIND_SECTIONS, RAW_SECTIONS, type KindSection } from './describe-kinds.ts';
import { describePod } from './describe-pod.ts';
import { describedTime } from './describe-time.ts';
import { eventsTable, type DescribedEvents } from './describe-events.ts';
import { DescribeWriter } from './describe-writer.ts';
import { record, text } from './object-fields.ts';

const sections: Readonly<Record<string, KindSection>> = { ...KIND_SECTIONS, Pod: describePod };

/** The Describe document's text for a live object, at `now` (ms), with its events. */
export function describeText(object: unknown, now: number, events: DescribedEvents): string {
  const raw = record(object);
  const shown = record(describeObject(object));
  const metadata = record(shown['metadata']);
  const writer = new DescribeWriter();
  writer.pair('Name', text(metadata['name']));
  if (text(metadata['namespace']) !== '') writer.pair('Namespace', text(metadata['namespace']));
  writer.pair('Kind', text(shown['kind']));
  writer.pair('API Version', text(shown['apiVersion']));
  writer.entries('Labels', record(metadata['labels']));
  writer.entries('Annotations', record(metadata['annotations']), ': ');
  if (text(metadata['creationTimestamp']) !== '') writer.pair('CreationTimestamp', describedTime(text(metadata['creationTimestamp']), now));
  const kind = text(shown['kind']);
  const section = RAW_SECTIONS[kind] ?? sections[kind];
  if (section !== undefined) section(writer, RAW_SECTIONS[kind] === undefined ? shown : raw, now);
  else {
    for (const [key, value] of Object.entries(shown)) if (!['apiVersion', 'kind', 'metadata'].includes(key)) writer.tree(key, value);
  }
  return `${[...writer.done(), ...eventsTable(events, now)].join('\n')}\n`;
}
