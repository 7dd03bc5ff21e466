/**
 * One YAML line read by its indentation alone, so that half-typed text (a key without its colon, a
 * document that does not parse yet) still tells completion where it is: the sequence dashes that open
 * items, the key and where it sits, and the value after the colon.
 */
export interface LineShape {
  /** Columns of the `- ` markers that open list items on this line, outermost first. */
  readonly dashes: readonly number[];
  /** Column where the key or scalar after the dashes starts; the line length when there is nothing. */
  readonly content: number;
  /** The key, unquoted, when the line holds `key:`. */
  readonly key: string | undefined;
  readonly keyEnd: number;
  /** Column of the value after `key:` (past the spaces), or -1. */
  readonly valueStart: number;
  /** The value text up to a comment, trimmed; '' when the key opens a block. */
  readonly value: string;
}

const keyPattern = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?=[ \t]|$)/;

export function lineShape(line: string): LineShape {
  const dashes: number[] = [];
  let column = 0;
  while (line.charCodeAt(column) === 32 || line.charCodeAt(column) === 9) column += 1;
  while (line[column] === '-' && (column + 1 === line.length || line[column + 1] === ' ' || line[column + 1] === '\t')) {
    dashes.push(column);
    column += 1;
    while (line[column] === ' ' || line[column] === '\t') column += 1;
  }
  const match = keyPattern.exec(line.slice(column));
  if (match?.[1] === undefined) return { dashes, content: column, key: undefined, keyEnd: column, valueStart: -1, value: '' };
  const raw = match[1];
  const key = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
  let valueStart = column + match[0].length;
  while (line[valueStart] === ' ' || line[valueStart] === '\t') valueStart += 1;
  const value = line.slice(valueStart).replace(/(^|\s)#.*$/, '').trim();
  return { dashes, content: column, key, keyEnd: column + raw.length, valueStart, value };
}

/** A blank or comment-only line, which says nothing about structure. */
export function isInert(line: string): boolean {
  return /^\s*(?:#.*)?$/.test(line);
}

/** `---` / `...` lines, which end a document. */
export function isDocumentBoundary(line: string): boolean {
  return /^(?:---|\.\.\.)(?:\s|$)/.test(line);
}

/** A value that opens a block scalar (`|`, `>-`, ...): the more indented lines below are its text. */
export function opensBlockScalar(value: string): boolean {
  return /^[|>][-+0-9]*$/.test(value);
}
