import { parseEvents, type Event } from 'js-yaml';
import { buildDocuments } from './build.ts';
import { Positions } from './positions.ts';
import { IndentRepair } from './repair.ts';
import type { YamlDocument, YamlError } from './types.ts';

/** Files above this are skipped, not parsed (issue 4: "huge files (> 5 MB) are skipped"). */
export const maxFileChars = 5 * 1024 * 1024;
/** Enough for every corpus file (the spire file needs one); a bound so a pathological file cannot loop. */
const maxRepairs = 20;

export interface ParsedYaml {
  readonly text: string;
  readonly documents: readonly YamlDocument[];
  readonly positions: Positions;
  /** Why the file was not parsed (binary, too large); `documents` is then empty. */
  readonly skipped: string | undefined;
}

/**
 * Parses every document of a file keeping positions. The common case is one `parseEvents` pass over
 * the whole text. Only when that fails: indentation that libyaml accepts is repaired (see repair.ts),
 * and a real syntax error splits the file at its `---` lines so the other documents still parse and
 * only the broken one carries the error.
 */
export function parseYaml(text: string): ParsedYaml {
  const positions = new Positions();
  const skipped = skipReason(text);
  if (skipped !== undefined) return { text, documents: [], positions, skipped };
  const whole = parseChunk(text, text, 0, 0, positions);
  if (whole !== undefined) return { text, documents: whole, positions, skipped: undefined };
  const documents: YamlDocument[] = [];
  for (const [start, end] of documentChunks(text)) {
    const chunk = text.slice(start, end);
    const parsed = parseChunk(text, chunk, start, documents.length, positions);
    // A loop, not push(...): a chunk may hold a great many `...`-separated documents.
    for (const document of parsed ?? [brokenDocument(chunk, start, documents.length)]) documents.push(document);
  }
  return { text, documents, positions, skipped: undefined };
}

function skipReason(text: string): string | undefined {
  if (text.length > maxFileChars) return `skipped: larger than ${maxFileChars / 1024 / 1024} MB`;
  // A NUL never appears in YAML (it is not printable), but is common in binary files.
  if (text.slice(0, 8192).includes('\0')) return 'skipped: binary file (contains NUL bytes)';
  return undefined;
}

/** Documents of one chunk, or undefined when it has a syntax error that no repair removes. */
function parseChunk(text: string, chunk: string, base: number, firstIndex: number, positions: Positions): YamlDocument[] | undefined {
  const repair = new IndentRepair(chunk);
  for (let attempt = 0; attempt <= maxRepairs; attempt += 1) {
    const result = tryEvents(repair.text);
    if ('events' in result) {
      const toFile = repair.repaired ? (offset: number) => base + repair.toOriginal(offset) : (offset: number) => base + offset;
      return buildDocuments({ text, source: repair.text, events: result.events, toFile, firstIndex, positions });
    }
    if (result.error.message !== 'deficient indentation') return undefined;
    repair.padLineAt(result.error.offset);
  }
  return undefined;
}

function tryEvents(text: string): { events: Event[] } | { error: YamlError } {
  try {
    return { events: parseEvents(text, {}) };
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason;
    const mark = (error as { mark?: { position?: unknown } }).mark;
    if (typeof reason !== 'string') throw error;
    const offset = typeof mark?.position === 'number' ? mark.position : 0;
    // The parser names a position only: the error covers the token there.
    const token = /^[^\s]*/.exec(text.slice(offset, offset + 200))?.[0].length ?? 0;
    return { error: { message: reason, offset, end: Math.min(text.length, offset + Math.max(1, token)) } };
  }
}

function brokenDocument(chunk: string, base: number, index: number): YamlDocument {
  const result = tryEvents(chunk);
  const error = 'error' in result ? result.error : { message: 'invalid YAML', offset: 0, end: 0 };
  const offset = base + Math.min(error.offset, chunk.length);
  return { index, value: null, firstNode: { start: offset, end: offset }, error: { message: error.message, offset, end: base + error.end } };
}

/** [start, end) of each document: a line starting with `---` opens a new one (YAML's marker at column 0). */
function documentChunks(text: string): [number, number][] {
  const chunks: [number, number][] = [];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let match = marker.exec(text); match !== null; match = marker.exec(text)) {
    if (match.index > start) chunks.push([start, match.index]);
    start = match.index;
  }
  chunks.push([start, text.length]);
  return chunks;
}
