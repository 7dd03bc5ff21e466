import type { Range } from '../yaml/types.ts';
import type { KubeObject, TextEdit } from './types.ts';
import { asMapping, type Mapping } from './values.ts';

/** Replaces a scalar in place: comments and layout around it stay. */
export function replaceEdit(range: Range, newText: string): TextEdit {
  return { start: range.start, end: range.end, newText };
}

/**
 * Sets `path` under a block mapping to a YAML scalar: replaces the scalar if it exists, otherwise adds
 * the missing keys as new lines after the deepest existing mapping's last entry, at that mapping's own
 * indentation (two spaces per new level) and with the file's line break. Undefined for flow-style or
 * empty mappings, where no edit keeps the author's layout.
 */
export function setPathEdit(object: KubeObject, mapping: Mapping, path: readonly string[], scalar: string): TextEdit | undefined {
  const { positions } = object;
  const text = object.file.parsed.text;
  let holder = mapping;
  let depth = 0;
  for (; depth < path.length - 1; depth += 1) {
    const next = asMapping(holder[path[depth] as string]);
    if (next === undefined) break;
    holder = next;
  }
  const key = path[depth] as string;
  const existing = positions.entry(holder, key);
  if (existing !== undefined) {
    return depth === path.length - 1 && asMapping(holder[key]) === undefined ? replaceEdit(existing.value, scalar) : undefined;
  }
  const range = positions.rangeOf(holder);
  const first = positions.firstKeyRange(holder);
  if (range === undefined || first === undefined || text[range.start] === '{') return undefined;
  const column = first.start - lineStart(text, first.start);
  // The line break of the mapping's own first line: scanning the whole text per fix would be quadratic.
  const lf = text.indexOf('\n', first.start);
  const newline = lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
  const lines = path.slice(depth).map((segment, level, rest) => {
    const value = level === rest.length - 1 ? ` ${scalar}` : '';
    return `${' '.repeat(column + 2 * level)}${segment}:${value}${newline}`;
  });
  const at = lineEndAfter(text, range.end);
  const prefix = at === text.length && !/[\r\n]$/.test(text) ? newline : '';
  return { start: at, end: at, newText: prefix + lines.join('') };
}

function lineStart(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index -= 1;
  return index;
}

/** The offset just past the line break that ends the line holding `end - 1` (or the text's end). */
function lineEndAfter(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const lf = text.indexOf('\n', end);
  return lf === -1 ? text.length : lf + 1;
}
