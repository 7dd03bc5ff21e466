import { COLLECTION_STYLE, EVENT_ID, type Event, SCALAR_STYLE } from 'js-yaml';
import type { Positions } from './positions.ts';
import { isMergeKey, keyText, scalarValue } from './scalar.ts';
import type { MappingEntry, Range, YamlDocument, YamlError } from './types.ts';

/**
 * Alias amplification guard (billion laughs): a document whose aliases make it count more than this
 * many nodes, and ten times its own size, is refused before any rule walks it.
 */
const maxExpandedNodes = 100_000;
const singleQuoted = SCALAR_STYLE.SINGLE_QUOTED;
const doubleQuoted = SCALAR_STYLE.DOUBLE_QUOTED;

interface Anchor {
  readonly value: unknown;
  readonly size: number;
}

interface PendingKey {
  readonly key: string | undefined;
  readonly range: Range;
  readonly merge: boolean;
}

type Frame =
  | { kind: 'document'; value: unknown; first: Range | undefined; size: number }
  | { kind: 'sequence'; value: unknown[]; items: Range[]; start: number; end: number; size: number; anchor: string | undefined; flow: boolean }
  | {
      kind: 'mapping';
      value: Record<string, unknown>;
      entries: Map<string, MappingEntry>;
      start: number;
      end: number;
      size: number;
      anchor: string | undefined;
      flow: boolean;
      pending: PendingKey | undefined;
      merges: unknown[];
    };

/** Input of one build: events whose offsets refer to `source`; `toFile` maps them back to the file text. */
export interface BuildInput {
  /** The whole file's text, which `toFile` offsets refer to. */
  readonly text: string;
  readonly source: string;
  readonly events: readonly Event[];
  readonly toFile: (offset: number) => number;
  readonly firstIndex: number;
  readonly positions: Positions;
}

/**
 * Builds values and the position index in one pass over js-yaml's events. It also finds what the
 * event parser leaves to the constructor: duplicate keys, complex (non-scalar) keys, unknown aliases,
 * unresolvable explicit tags, and alias bombs. The first such error of a document is kept on it.
 */
export function buildDocuments(input: BuildInput): YamlDocument[] {
  const { source, events, toFile, positions } = input;
  const documents: YamlDocument[] = [];
  const frames: Frame[] = [];
  let anchors = new Map<string, Anchor>();
  let error: YamlError | undefined;
  let ownNodes = 0;
  const fail = (message: string, offset: number, end = offset + 1): void => {
    error ??= { message, offset: toFile(Math.max(0, offset)), end: toFile(Math.max(0, end)) };
  };
  const anchorName = (start: number, end: number): string | undefined => (start === -1 ? undefined : source.slice(start, end));

  const add = (value: unknown, range: Range, size: number): void => {
    const top = frames[frames.length - 1];
    if (top === undefined) return;
    if (top.kind === 'document') {
      top.value = value;
      top.size = size;
      return;
    }
    top.end = Math.max(top.end, range.end);
    top.size += size;
    if (top.kind === 'sequence') {
      top.value.push(value);
      top.items.push(range);
      return;
    }
    const pending = top.pending;
    if (pending === undefined) {
      // Scalar keys are taken in the scalar case; a collection here is a complex key, whose value is skipped.
      fail('a mapping key must be a scalar, not a mapping or sequence (Kubernetes rejects complex keys)', range.start);
      top.pending = { key: undefined, range, merge: false };
      return;
    }
    top.pending = undefined;
    if (pending.merge) top.merges.push(value);
    else if (pending.key !== undefined) setEntry(top.value, top.entries, pending.key, { key: pending.range, value: range }, value);
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        anchors = new Map();
        error = undefined;
        ownNodes = 0;
        frames.push({ kind: 'document', value: null, first: undefined, size: 0 });
        break;
      case EVENT_ID.SCALAR: {
        ownNodes += 1;
        const empty = event.valueStart === -1;
        // Quoted scalars' offsets exclude the quotes; the node, which fixes replace, includes them.
        const quote = event.style === singleQuoted || event.style === doubleQuoted ? 1 : 0;
        const range = empty ? { start: -1, end: -1 } : { start: toFile(event.valueStart - quote), end: toFile(event.valueEnd + quote) };
        const top = frames[frames.length - 1];
        noteFirst(frames, range);
        if (top?.kind === 'mapping' && top.pending === undefined) {
          const key = keyText(source, event);
          if (top.entries.has(key) && !isMergeKey(source, event)) fail(`duplicated mapping key "${key}"`, event.valueStart, event.valueEnd);
          top.pending = { key, range: empty ? { start: top.start, end: top.start } : range, merge: isMergeKey(source, event) };
          top.end = Math.max(top.end, range.end);
          break;
        }
        const result = scalarValue(source, event);
        if (result.error !== undefined) fail(result.error, event.valueStart, event.valueEnd);
        // An empty value (`key:`) points at its key; an empty sequence item at where it stands.
        const valueRange = !empty ? range : top?.kind === 'mapping' && top.pending !== undefined ? top.pending.range : emptyAt(top);
        const name = anchorName(event.anchorStart, event.anchorEnd);
        if (name !== undefined) anchors.set(name, { value: result.value, size: 1 });
        add(result.value, valueRange, 1);
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        ownNodes += 1;
        const start = toFile(event.start);
        const anchor = anchorName(event.anchorStart, event.anchorEnd);
        const flow = event.style === COLLECTION_STYLE.FLOW;
        frames.push(
          event.type === EVENT_ID.SEQUENCE
            ? { kind: 'sequence', value: [], items: [], start, end: start + 1, size: 1, anchor, flow }
            : { kind: 'mapping', value: {}, entries: new Map(), start, end: start + 1, size: 1, anchor, flow, pending: undefined, merges: [] },
        );
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = source.slice(event.anchorStart, event.anchorEnd);
        const target = anchors.get(name);
        const range = { start: toFile(event.anchorStart - 1), end: toFile(event.anchorEnd) };
        if (target === undefined) fail(`unknown alias "*${name}"`, event.anchorStart - 1, event.anchorEnd);
        const top = frames[frames.length - 1];
        if (top?.kind === 'mapping' && top.pending === undefined) {
          fail('an alias cannot be a mapping key here', event.anchorStart - 1, event.anchorEnd);
          top.pending = { key: undefined, range, merge: false };
          break;
        }
        add(target?.value ?? null, range, target?.size ?? 1);
        break;
      }
      case EVENT_ID.POP: {
        const frame = frames.pop();
        if (frame === undefined) break;
        if (frame.kind === 'document') {
          if (frame.size > maxExpandedNodes && frame.size > 10 * ownNodes) {
            fail(`aliases expand this document to ${frame.size.toExponential(1)} nodes; refused as a YAML bomb`, frame.first?.start ?? 0);
          }
          documents.push({ index: input.firstIndex + documents.length, value: error === undefined ? frame.value : null, firstNode: frame.first, error });
          break;
        }
        const range = { start: frame.start, end: frame.flow ? closingBracket(input.text, frame.end) : frame.end };
        if (frame.kind === 'mapping') {
          for (const merge of frame.merges) applyMerge(frame, merge, positions, () => fail('a merge key (<<) needs a mapping or a list of mappings', frame.start));
          positions.record(frame.value, { kind: 'mapping', range, entries: frame.entries });
        } else {
          positions.record(frame.value, { kind: 'sequence', range, items: frame.items });
        }
        if (frame.anchor !== undefined) anchors.set(frame.anchor, { value: frame.value, size: frame.size });
        add(frame.value, range, frame.size);
        break;
      }
    }
  }
  return documents;
}

/** A flow collection's range ends after its `]` or `}`: past its last child, blanks, commas and comments. */
function closingBracket(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const char = text[index];
    if (char === ']' || char === '}') return index + 1;
    if (char === '#') {
      while (index < text.length && text[index] !== '\n') index += 1;
    } else if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\n' && char !== ',') return from;
    else index += 1;
  }
  return from;
}

function emptyAt(frame: Frame | undefined): Range {
  const at = frame === undefined || frame.kind === 'document' ? 0 : frame.end;
  return { start: at, end: at };
}

function noteFirst(frames: Frame[], range: Range): void {
  const root = frames[0];
  if (root?.kind === 'document' && root.first === undefined && range.start !== -1) root.first = range;
}

function setEntry(target: Record<string, unknown>, entries: Map<string, MappingEntry>, key: string, entry: MappingEntry, value: unknown): void {
  // `__proto__` is an ordinary key in YAML: define it rather than assign, so no prototype changes.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
  entries.set(key, entry);
}

/** YAML merge keys: earlier sources win over later ones and explicit keys win over all. */
function applyMerge(frame: Extract<Frame, { kind: 'mapping' }>, merge: unknown, positions: Positions, fail: () => void): void {
  const sources = Array.isArray(merge) ? merge : [merge];
  for (const source of sources) {
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      fail();
      continue;
    }
    for (const [key, value] of Object.entries(source)) {
      if (frame.entries.has(key)) continue;
      const entry = positions.entry(source, key);
      if (entry !== undefined) setEntry(frame.value, frame.entries, key, entry, value);
    }
  }
}
