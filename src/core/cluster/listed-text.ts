// What a listed object's row says: one line for the description, a few for the tooltip. Computed when
// the object is trimmed (its raw form is gone after that), from its fields only: never a Secret's value.
import { array, record, stringMap, text, type Json } from './object-fields.ts';

export interface Summary {
  /** The row's description. */
  readonly detail: string;
  /** The tooltip's lines after the title. */
  readonly notes: readonly string[];
  /** An HPA's workload, and the words its row adds ("HPA 2–10 · cpu 60%"). */
  readonly scales?: { readonly kind: string; readonly name: string; readonly words: string };
}

/** Tooltip lines at most per object: a Role with 300 rules stays readable. */
export const MAX_NOTES = 12;

export const counted = (count: number, word: string, plural = `${word}s`): string => `${count} ${count === 1 ? word : plural}`;

/** The non-empty parts joined with " · ". */
export const parts = (...items: readonly string[]): string => items.filter((item) => item !== '').join(' · ');

/** The first `max` items, then "+N". */
export function firstOf(items: readonly string[], max: number, separator = ', '): string {
  return items.length <= max ? items.join(separator) : `${items.slice(0, max).join(separator)} +${items.length - max}`;
}

/** Lines capped at MAX_NOTES, the last saying how many were left out. */
export function cappedNotes(lines: readonly string[]): string[] {
  return lines.length <= MAX_NOTES ? [...lines] : [...lines.slice(0, MAX_NOTES - 1), `… and ${lines.length - MAX_NOTES + 1} more`];
}

/** A metav1.LabelSelector as kubectl prints one ("app=web,tier in (a,b)"); '' when it selects everything. */
export function selectorText(selector: unknown): string {
  const source = record(selector);
  const pairs = Object.entries(stringMap(source['matchLabels'])).map(([key, value]) => `${key}=${value}`);
  const expressions = array(source['matchExpressions']).map(record).map(expressionText);
  return [...pairs, ...expressions].join(',');
}

function expressionText(expression: Json): string {
  const key = text(expression['key']);
  const values = array(expression['values']).map(String).join(',');
  switch (expression['operator']) {
    case 'In':
      return `${key} in (${values})`;
    case 'NotIn':
      return `${key} notin (${values})`;
    case 'DoesNotExist':
      return `!${key}`;
    default:
      return key;
  }
}

/** An int-or-string field (a port, minAvailable): its text, '' when absent. */
export function intOrString(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
}
