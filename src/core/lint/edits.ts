import type { Range } from '../yaml/types.ts';
import type { KubeObject, TextEdit } from './types.ts';
import { asMapping, type Mapping } from './values.ts';

/** Replaces a scalar in place: comments and layout around it stay. */
export function replaceEdit(range: Range, newText: string): TextEdit {
  return { start: range.start, end: range.end, newText };
}

/** One scalar to set, at a key path under a mapping. */
export interface PathValue {
  readonly path: readonly string[];
  readonly scalar: string;
}

/** The keys still missing under one existing mapping, as a tree of new lines to write. */
interface Insertion {
  readonly holder: Mapping;
  readonly tree: Map<string, unknown>;
}

/**
 * Sets `path` under a block mapping to a YAML scalar: replaces the scalar if it exists, otherwise adds
 * the missing keys as new lines after the deepest existing mapping's last entry, at that mapping's own
 * indentation (two spaces per new level) and with the file's line break. Undefined for flow-style or
 * empty mappings, where no edit keeps the author's layout.
 */
export function setPathEdit(object: KubeObject, mapping: Mapping, path: readonly string[], scalar: string): TextEdit | undefined {
  return setPathsEdit(object, mapping, [{ path, scalar }])?.[0];
}

/**
 * Several paths at once, as setPathEdit sets one: missing keys shared by several paths are written
 * once (`requests:` above both `cpu:` and `memory:`), and new lines that land at the same place are
 * joined into one edit, deeper mappings' lines first, so the edits never overlap.
 */
export function setPathsEdit(object: KubeObject, mapping: Mapping, values: readonly PathValue[]): TextEdit[] | undefined {
  const { positions } = object;
  const edits: TextEdit[] = [];
  const insertions: Insertion[] = [];
  for (const { path, scalar } of values) {
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
      if (depth !== path.length - 1 || asMapping(holder[key]) !== undefined) return undefined;
      edits.push(replaceEdit(existing.value, scalar));
      continue;
    }
    let insertion = insertions.find((candidate) => candidate.holder === holder);
    if (insertion === undefined) insertions.push((insertion = { holder, tree: new Map() }));
    let tree = insertion.tree;
    for (const segment of path.slice(depth, -1)) {
      let child = tree.get(segment);
      if (!(child instanceof Map)) tree.set(segment, (child = new Map<string, unknown>()));
      tree = child as Map<string, unknown>;
    }
    tree.set(path.at(-1) as string, scalar);
  }
  const byOffset = new Map<number, { column: number; text: string }[]>();
  const text = object.file.parsed.text;
  let newline = '\n';
  for (const { holder, tree } of insertions) {
    const range = positions.rangeOf(holder);
    const first = positions.firstKeyRange(holder);
    if (range === undefined || first === undefined || text[range.start] === '{') return undefined;
    const column = first.start - lineStart(text, first.start);
    // The line break of the mapping's own first line: scanning the whole text per fix would be quadratic.
    const lf = text.indexOf('\n', first.start);
    newline = lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
    const at = lineEndAfter(text, range.end);
    const blocks = byOffset.get(at) ?? [];
    blocks.push({ column, text: treeLines(tree, column, newline) });
    byOffset.set(at, blocks);
  }
  for (const [at, blocks] of byOffset) {
    const prefix = at === text.length && !/[\r\n]$/.test(text) ? newline : '';
    const joined = blocks.sort((a, b) => b.column - a.column).map((block) => block.text).join('');
    edits.push({ start: at, end: at, newText: prefix + joined });
  }
  return edits;
}

/**
 * Removes `key` and its value from a block mapping. A key alone on its line takes its whole lines
 * (through the value's last line); a key after a sequence dash gives its place to the next entry, so
 * the dash stays. Undefined for flow mappings and a mapping's only key, where removing needs more
 * than cutting lines.
 */
export function removeEntryEdit(object: KubeObject, holder: Mapping, key: string): TextEdit | undefined {
  const { positions } = object;
  const entry = positions.entry(holder, key);
  const range = positions.rangeOf(holder);
  const text = object.file.parsed.text;
  if (entry === undefined || range === undefined || text[range.start] === '{') return undefined;
  const start = lineStart(text, entry.key.start);
  if (text.slice(start, entry.key.start).trim() === '') {
    if (Object.keys(holder).length < 2) return undefined;
    return { start, end: lineEndAfter(text, Math.max(entry.key.end, entry.value.end)), newText: '' };
  }
  const next = Object.keys(holder)
    .map((other) => positions.keyRange(holder, other)?.start ?? -1)
    .filter((offset) => offset > entry.key.start)
    .sort((a, b) => a - b)[0];
  return next === undefined ? undefined : { start: entry.key.start, end: next, newText: '' };
}

function treeLines(tree: ReadonlyMap<string, unknown>, column: number, newline: string): string {
  let lines = '';
  for (const [key, value] of tree) {
    const nested = value instanceof Map;
    lines += `${' '.repeat(column)}${key}:${nested ? '' : ` ${String(value)}`}${newline}`;
    if (nested) lines += treeLines(value as ReadonlyMap<string, unknown>, column + 2, newline);
  }
  return lines;
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
