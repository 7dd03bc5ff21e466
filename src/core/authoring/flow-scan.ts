import type { PathSegment } from '../yaml/positions.ts';

/** Where a cursor sits inside a one-line flow collection (`{cpu: 1, mem|}`, `[TCP, |]`). */
export interface FlowPlace {
  readonly position: 'key' | 'value';
  /** Steps below the key that opened the flow: keys of nested mappings, 0 for list items. */
  readonly path: readonly PathSegment[];
  readonly key: string | undefined;
  readonly siblings: ReadonlyMap<string, string>;
}

interface FlowFrame {
  readonly list: boolean;
  readonly step: PathSegment | undefined;
  readonly keys: Map<string, string>;
  pendingKey: string | undefined;
}

/** Reads the flow text from its first bracket up to the cursor. */
export function scanFlow(text: string): FlowPlace {
  const frames: FlowFrame[] = [];
  let token = '';
  let quote = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    const frame = frames.at(-1);
    if (quote !== '') {
      if (char === quote) quote = '';
      token += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      token += char;
    } else if (char === '{' || char === '[') {
      frames.push({ list: char === '[', step: frame === undefined ? undefined : frame.list ? 0 : frame.pendingKey, keys: new Map(), pendingKey: undefined });
      token = '';
    } else if (char === ':' && frame !== undefined && !frame.list && /^[\s,}\]]?$/.test(text[index + 1] ?? '')) {
      frame.pendingKey = token.trim().replace(/^["']|["']$/g, '');
      token = '';
    } else if (char === ',' || char === '}' || char === ']') {
      if (frame?.pendingKey !== undefined) frame.keys.set(frame.pendingKey, token.trim());
      if (frame !== undefined) frame.pendingKey = undefined;
      if (char !== ',') frames.pop();
      token = '';
    } else token += char;
  }
  const inner = frames.at(-1);
  const path = frames.slice(1).map((frame) => frame.step as PathSegment);
  if (inner === undefined) return { position: 'value', path, key: undefined, siblings: new Map() };
  if (inner.list) return { position: 'key', path: [...path, 0], key: undefined, siblings: new Map() };
  return { position: inner.pendingKey === undefined ? 'key' : 'value', path, key: inner.pendingKey, siblings: inner.keys };
}
