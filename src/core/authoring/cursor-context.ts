import { LineIndex } from '../yaml/line-index.ts';
import type { PathSegment } from '../yaml/positions.ts';
import type { Range } from '../yaml/types.ts';
import { scanFlow } from './flow-scan.ts';
import { isDocumentBoundary, isInert, lineShape, opensBlockScalar } from './line-shape.ts';

/**
 * Where the cursor is in a manifest that may be half typed: the mapping it writes in (as a path from
 * the document root, 0 for a list item), whether a key or a value is being typed, and what the mapping
 * and the document already hold. Read from indentation line by line, not from a parse, because the text
 * being typed rarely parses.
 */
export interface CursorContext {
  readonly position: 'key' | 'value';
  /** The mapping (or list item) that holds the key being typed, or whose key's value is typed. */
  readonly path: readonly PathSegment[];
  /** Value position: the key whose value is typed. Key position: the whole key under the cursor, if any. */
  readonly key: string | undefined;
  /** Key position: where that whole key is (hover). */
  readonly keyRange: Range | undefined;
  /** The typed word the completion replaces. */
  readonly word: Range;
  /** Column of the key being typed (or of the key whose value is typed). */
  readonly column: number;
  readonly inFlow: boolean;
  /** Keys of that mapping already written (the one under the cursor left out) → their scalar values. */
  readonly siblings: ReadonlyMap<string, string>;
  /** The keys of each mapping from the document root down to that one (the root's first). */
  readonly scopes: readonly ReadonlyMap<string, string>[];
  /** The document's top-level keys → scalar values (apiVersion, kind). */
  readonly root: ReadonlyMap<string, string>;
  /** Offsets of the document (between `---` lines) holding the cursor. */
  readonly document: Range;
}

interface Frame {
  readonly column: number;
  readonly step: PathSegment | undefined;
  /** A key with an inline value: a leaf that the next line at its column replaces. */
  readonly leaf: boolean;
  readonly children: Map<string, string>;
}

/** The `---`-separated document around `offset`, found by scanning its lines only: files run to thousands. */
export function documentBounds(text: string, offset: number): Range {
  const lineEnd = (from: number): number => {
    const index = text.indexOf('\n', from);
    return index < 0 ? text.length : index;
  };
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  if (isDocumentBoundary(text.slice(start, lineEnd(start)))) start = Math.min(text.length, lineEnd(start) + 1);
  else {
    while (start > 0) {
      const previous = text.lastIndexOf('\n', start - 2) + 1;
      if (isDocumentBoundary(text.slice(previous, start - 1))) break;
      start = previous;
    }
  }
  let end = lineEnd(Math.max(start, offset));
  while (end < text.length && !isDocumentBoundary(text.slice(end + 1, lineEnd(end + 1)))) end = lineEnd(end + 1);
  return { start, end: Math.min(text.length, end + 1) };
}

export function cursorContext(text: string, offset: number): CursorContext {
  const document = documentBounds(text, offset);
  const base = document.start;
  const source = text.slice(base, document.end);
  const lines = new LineIndex(source);
  const cursorLine = lines.position(Math.max(0, offset - base)).line;
  const lineText = (line: number): string => source.slice(lines.lineStart(line), line + 1 < lines.lineCount ? lines.lineStart(line + 1) : source.length).replace(/\r?\n$|\r$/, '');
  const first = 0;
  const last = lines.lineCount - 1;

  const root: Frame = { column: -1, step: undefined, leaf: false, children: new Map() };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1] as Frame;
  const popTo = (column: number, items: boolean): void => {
    while (stack.length > 1 && (top().column > column || (top().column === column && (items ? top().step === 0 || top().leaf : true)))) stack.pop();
  };
  let blockUntil = -1;
  let cursorFrame: Frame = root;
  let cursorStack: Frame[] = [root];
  let result: Place | undefined;
  const lineStart = base + lines.lineStart(cursorLine);
  const column = Math.max(0, offset - lineStart);

  for (let line = first; line <= last; line += 1) {
    const raw = lineText(line);
    const isCursor = line === cursorLine;
    const shape = lineShape(raw);
    if (!isCursor && (isInert(raw) || (blockUntil >= 0 && (shape.dashes[0] ?? shape.content) > blockUntil))) continue;
    blockUntil = -1;
    for (const dash of shape.dashes) {
      if (isCursor && dash >= column) break;
      popTo(dash, true);
      stack.push({ column: dash, step: 0, leaf: false, children: new Map() });
    }
    if (isCursor) {
      result = atCursor(raw, column, shape, lineStart);
      popTo(result.column, false);
      cursorFrame = top();
      cursorStack = [...stack];
      if (result.position === 'value' || shape.key === undefined) continue;
    }
    if (shape.key === undefined) continue;
    popTo(shape.content, false);
    if (!isCursor) top().children.set(shape.key, shape.value);
    stack.push({ column: shape.content, step: shape.key, leaf: shape.value !== '', children: new Map() });
    if (opensBlockScalar(shape.value)) blockUntil = shape.content;
  }
  const context = result ?? { position: 'key' as const, key: undefined, keyRange: undefined, word: { start: offset, end: offset }, column: 0, inFlow: false };
  const path = cursorStack.slice(1).map((frame) => frame.step as PathSegment);
  const shape = lineShape(lineText(cursorLine));
  const scopes = cursorStack.map((frame) => frame.children);
  if (!context.inFlow || shape.key === undefined) return { ...context, path, siblings: cursorFrame.children, scopes, root: root.children, document };
  const flow = scanFlow(lineText(cursorLine).slice(shape.valueStart, column));
  return { ...context, ...flow, path: [...path, shape.key, ...flow.path], scopes: [...scopes, flow.siblings], root: root.children, document };
}

type Place = Omit<CursorContext, 'siblings' | 'scopes' | 'root' | 'document' | 'path'>;

function atCursor(raw: string, column: number, shape: ReturnType<typeof lineShape>, lineStart: number): Place {
  const before = raw.slice(0, column);
  const wordStart = column - (/[^\s:{},[\]]*$/.exec(before)?.[0].length ?? 0);
  const wordEnd = column + (/^[^\s:{},[\]]*/.exec(raw.slice(column))?.[0].length ?? 0);
  const word = { start: lineStart + wordStart, end: lineStart + wordEnd };
  const afterDashes = shape.dashes.filter((dash) => dash < column).length === shape.dashes.length;
  const keyColumn = afterDashes ? shape.content : column;
  if (shape.key !== undefined && shape.valueStart >= 0 && column >= shape.keyEnd + 1) {
    const inFlow = /[{[]/.test(raw.slice(shape.valueStart, column));
    return { position: 'value', key: shape.key, keyRange: undefined, word, column: shape.content, inFlow };
  }
  const keyRange = shape.key === undefined ? undefined : { start: lineStart + shape.content, end: lineStart + shape.keyEnd };
  return { position: 'key', key: shape.key, keyRange, word, column: keyColumn, inFlow: false };
}
