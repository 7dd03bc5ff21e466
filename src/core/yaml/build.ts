import { COLLECTION_STYLE, EVENT_ID, type Event, SCALAR_STYLE } from 'js-yaml';
import type { Positions } from './positions.ts';
import { isMergeKey, keyText, scalarValue, taggedScalarValue } from './scalar.ts';
import type { YamlDocument, YamlError } from './types.ts';

/**
 * Alias amplification guard (billion laughs): a document whose aliases make it count more than this
 * many nodes, and ten times its own size, is refused before any rule walks it.
 */
const maxExpandedNodes = 100_000;

interface Anchor {
  readonly value: unknown;
  readonly size: number;
}

interface Collection {
  start: number;
  end: number;
  size: number;
  readonly anchor: string | undefined;
  readonly flow: boolean;
}

interface SequenceFrame extends Collection {
  readonly kind: 'sequence';
  readonly value: unknown[];
  /** Span index of each item. */
  readonly items: number[];
}

interface MappingFrame extends Collection {
  readonly kind: 'mapping';
  readonly value: Record<string, unknown>;
  /** `[key, span, key, span, ...]`: the span index of each entry (key start/end, value start/end). */
  readonly entries: (string | number)[];
  /** A key has been read and waits for its value; `key` undefined means "skip the value". */
  pending: boolean;
  key: string | undefined;
  keySpan: number;
  merge: boolean;
  /** Values of `<<` keys, applied when the mapping ends; undefined until the first one. */
  merges: unknown[] | undefined;
}

interface DocumentFrame {
  readonly kind: 'document';
  value: unknown;
  size: number;
  firstStart: number;
  firstEnd: number;
}

type Frame = DocumentFrame | SequenceFrame | MappingFrame;

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
  const spans = positions.spans;
  const documents: YamlDocument[] = [];
  const frames: Frame[] = [];
  let anchors = new Map<string, Anchor>();
  let error: YamlError | undefined;
  let ownNodes = 0;
  const fail = (message: string, offset: number, end = offset + 1): void => {
    error ??= { message, offset: toFile(Math.max(0, offset)), end: toFile(Math.max(0, end)) };
  };
  const anchorName = (start: number, end: number): string | undefined => (start === -1 ? undefined : source.slice(start, end));

  const add = (value: unknown, start: number, end: number, size: number): void => {
    const top = frames[frames.length - 1];
    if (top === undefined) return;
    if (top.kind === 'document') {
      top.value = value;
      top.size = size;
      return;
    }
    if (end > top.end) top.end = end;
    top.size += size;
    if (top.kind === 'sequence') {
      top.value.push(value);
      top.items.push(spans.push2(start, end));
      return;
    }
    if (!top.pending) {
      // Scalar keys are taken in the scalar case; a collection here is a complex key, whose value is skipped.
      fail('a mapping key must be a scalar, not a mapping or sequence (Kubernetes rejects complex keys)', start);
      top.pending = true;
      top.key = undefined;
      top.merge = false;
      return;
    }
    top.pending = false;
    if (top.merge) (top.merges ??= []).push(value);
    else if (top.key !== undefined) {
      spans.set(top.keySpan + 2, start);
      spans.set(top.keySpan + 3, end);
      setEntry(top.value, top.entries, top.key, top.keySpan, value);
    }
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        anchors = new Map();
        error = undefined;
        ownNodes = 0;
        frames.push({ kind: 'document', value: null, size: 0, firstStart: -1, firstEnd: -1 });
        break;
      case EVENT_ID.SCALAR: {
        ownNodes += 1;
        const empty = event.valueStart === -1;
        // Quoted scalars' offsets exclude the quotes; the node, which fixes replace, includes them.
        const quote = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? 1 : 0;
        let start = empty ? -1 : toFile(event.valueStart - quote);
        let end = empty ? -1 : toFile(event.valueEnd + quote);
        const root = frames[0];
        if (root?.kind === 'document' && root.firstStart === -1 && !empty) {
          root.firstStart = start;
          root.firstEnd = end;
        }
        const top = frames[frames.length - 1];
        if (top?.kind === 'mapping' && !top.pending) {
          const key = keyText(source, event);
          const merge = isMergeKey(source, event);
          if (!merge && Object.hasOwn(top.value, key)) fail(`duplicated mapping key "${key}"`, event.valueStart, event.valueEnd);
          top.pending = true;
          top.key = key;
          top.merge = merge;
          top.keySpan = spans.push4(empty ? top.start : start, empty ? top.start : end);
          if (end > top.end) top.end = end;
          break;
        }
        let value: unknown;
        if (event.tagStart === -1) value = scalarValue(source, event);
        else {
          const result = taggedScalarValue(source, event);
          if (result.error !== undefined) fail(result.error, event.valueStart, event.valueEnd);
          value = result.value;
        }
        if (empty) {
          // An empty value (`key:`) points at its key; an empty sequence item at where it stands.
          const at = top?.kind === 'mapping' ? top.keySpan : -1;
          start = at === -1 ? (top === undefined || top.kind === 'document' ? 0 : top.end) : spans.get(at);
          end = at === -1 ? start : spans.get(at + 1);
        }
        const name = anchorName(event.anchorStart, event.anchorEnd);
        if (name !== undefined) anchors.set(name, { value, size: 1 });
        add(value, start, end, 1);
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        ownNodes += 1;
        const start = toFile(event.start);
        const anchor = anchorName(event.anchorStart, event.anchorEnd);
        const flow = event.style === COLLECTION_STYLE.FLOW;
        // Literal shapes (no spread): frames are touched for every event, so they should stay fast objects.
        frames.push(
          event.type === EVENT_ID.SEQUENCE
            ? { kind: 'sequence', value: [], items: [], start, end: start + 1, size: 1, anchor, flow }
            : { kind: 'mapping', value: {}, entries: [], pending: false, key: undefined, keySpan: -1, merge: false, merges: undefined, start, end: start + 1, size: 1, anchor, flow },
        );
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = source.slice(event.anchorStart, event.anchorEnd);
        const target = anchors.get(name);
        const start = toFile(event.anchorStart - 1);
        const end = toFile(event.anchorEnd);
        if (target === undefined) fail(`unknown alias "*${name}"`, event.anchorStart - 1, event.anchorEnd);
        const top = frames[frames.length - 1];
        if (top?.kind === 'mapping' && !top.pending) {
          fail('an alias cannot be a mapping key here', event.anchorStart - 1, event.anchorEnd);
          top.pending = true;
          top.key = undefined;
          top.merge = false;
          break;
        }
        add(target?.value ?? null, start, end, target?.size ?? 1);
        break;
      }
      case EVENT_ID.POP: {
        const frame = frames.pop();
        if (frame === undefined) break;
        if (frame.kind === 'document') {
          if (frame.size > maxExpandedNodes && frame.size > 10 * ownNodes) {
            fail(`aliases expand this document to ${frame.size.toExponential(1)} nodes; refused as a YAML bomb`, frame.firstStart === -1 ? 0 : frame.firstStart);
          }
          const firstNode = frame.firstStart === -1 ? undefined : { start: frame.firstStart, end: frame.firstEnd };
          documents.push({ index: input.firstIndex + documents.length, value: error === undefined ? frame.value : null, firstNode, error });
          break;
        }
        if (frame.flow) frame.end = closingBracket(input.text, frame.end);
        const end = frame.end;
        if (frame.kind === 'mapping') {
          for (const merge of frame.merges ?? []) applyMerge(frame, merge, positions, () => fail('a merge key (<<) needs a mapping or a list of mappings', frame.start));
        }
        // The frame itself is the position record: it has kind, start, end and entries/items.
        positions.record(frame.value, frame);
        if (frame.anchor !== undefined) anchors.set(frame.anchor, { value: frame.value, size: frame.size });
        add(frame.value, frame.start, end, frame.size);
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

function setEntry(target: Record<string, unknown>, entries: (string | number)[], key: string, span: number, value: unknown): void {
  // `__proto__` is an ordinary key in YAML: define it rather than assign, so no prototype changes.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
  entries.push(key, span);
}

/** YAML merge keys: earlier sources win over later ones and explicit keys win over all. */
function applyMerge(frame: MappingFrame, merge: unknown, positions: Positions, fail: () => void): void {
  const sources = Array.isArray(merge) ? merge : [merge];
  for (const source of sources) {
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      fail();
      continue;
    }
    for (const [key, value] of Object.entries(source)) {
      if (Object.hasOwn(frame.value, key)) continue;
      const span = positions.entryIndex(source, key);
      if (span !== undefined) setEntry(frame.value, frame.entries, key, span, value);
    }
  }
}
