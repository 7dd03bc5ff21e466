// Folding per object: one range per document's object and one per block below it (metadata, spec,
// each container), so a long multi-document file folds to its list of objects. Every block is kept
// because a folding provider replaces the editor's indentation folding for the file.
import { objectsOf } from '../lint/objects.ts';
import type { LintFile } from '../lint/types.ts';
import type { Positions } from '../yaml/positions.ts';
import type { Range } from '../yaml/types.ts';
import { blockRange } from './symbols.ts';

/** The range without the line breaks and blanks a block node ends with (the next key's line is not its own). */
function trimmed(text: string, range: Range): Range {
  let end = range.end;
  while (end > range.start && /\s/.test(text.charAt(end - 1))) end -= 1;
  return { start: range.start, end };
}

/** The blocks below a collection: a key with its nested value, a list item that is a collection. */
function* blocksIn(positions: Positions, value: unknown, depth: number): Iterable<Range> {
  // Deep enough for any manifest; a bound against pathological nesting.
  if (depth > 64 || typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const inner = positions.rangeOf(child);
    if (inner === undefined) continue;
    const start = Array.isArray(value) ? inner.start : positions.keyRange(value, key)?.start;
    if (start !== undefined) yield { start, end: inner.end };
    yield* blocksIn(positions, child, depth + 1);
  }
}

/** Offsets of the foldable blocks; the editor keeps those spanning more than one line. */
export function foldingRanges(file: LintFile): Range[] {
  const { text, positions } = file.parsed;
  return objectsOf(file).flatMap((object) => [blockRange(object), ...blocksIn(positions, object.value, 0)].map((range) => trimmed(text, range)));
}
