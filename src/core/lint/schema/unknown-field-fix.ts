// The quick fix of schema-unknown-field. Renaming is only safe when the result is a valid mapping
// whose value fits the new field: renaming `replica` next to an existing `replicas` made a duplicate
// key, which turned the whole file into a YAML error.
import { removeEntryEdit, replaceEdit } from '../edits.ts';
import { rangeIn } from '../ranges.ts';
import type { Fix } from '../types.ts';
import type { Mapping } from '../values.ts';
import { closestName } from './closest.ts';
import { fits, type SchemaIssue } from './validate.ts';

type UnknownField = Extract<SchemaIssue, { kind: 'unknown' }>;

export interface UnknownFieldAdvice {
  readonly issue: UnknownField;
  readonly suggestion: string | undefined;
  readonly fix: Fix | undefined;
}

/**
 * Each unknown field with its closest schema field and a fix: rename to it; or, when the mapping
 * already sets that field, remove the misspelled key (the API server drops it anyway, so the applied
 * object stays the same). No rename when the value does not fit the field's type, nor when two
 * unknown keys of one mapping point at the same field (which one was meant is a guess, and fixing
 * both would write the key twice).
 */
export function unknownFieldAdvice(issues: readonly SchemaIssue[]): UnknownFieldAdvice[] {
  const unknown = issues
    .filter((issue): issue is UnknownField => issue.kind === 'unknown')
    .map((issue) => ({ issue, suggestion: closestName(issue.key, Object.keys(issue.fields)) }));
  const claims = new Map<object, Map<string, number>>();
  for (const { issue, suggestion } of unknown) {
    if (suggestion === undefined) continue;
    const counts = claims.get(issue.holder) ?? new Map<string, number>();
    counts.set(suggestion, (counts.get(suggestion) ?? 0) + 1);
    claims.set(issue.holder, counts);
  }
  return unknown.map(({ issue, suggestion }) => ({ issue, suggestion, fix: suggestion === undefined ? undefined : fixFor(issue, suggestion, claims.get(issue.holder)?.get(suggestion) ?? 0) }));
}

function fixFor(issue: UnknownField, suggestion: string, claimants: number): Fix | undefined {
  const holder = issue.holder as Mapping;
  if (Object.hasOwn(holder, suggestion)) {
    const edit = removeEntryEdit(issue.object, holder, issue.key);
    return edit === undefined ? undefined : { title: `Remove ${issue.key} (${suggestion} is set)`, edits: [edit] };
  }
  const value = holder[issue.key];
  const type = issue.fields[suggestion] as string;
  if (claimants > 1 || (value !== null && value !== undefined && type !== 'a' && !fits(type, value))) return undefined;
  return { title: `Rename to ${suggestion}`, edits: [replaceEdit(rangeIn(issue.object, holder, issue.key, 'key'), suggestion)] };
}
