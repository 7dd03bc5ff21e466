/**
 * Duplicate keys of a JSON body, as field paths (`spec.replicas`): JSON.parse keeps the last one
 * silently, while the API server's strict decoder reports each (400 in Strict, a warning in Warn).
 * One pass over a body that has already parsed, so its strings and brackets are well formed.
 */
interface Frame {
  /** An object's keys so far; undefined for a list. */
  readonly keys: Set<string> | undefined;
  readonly path: string;
  key: string;
  index: number;
}

function childPath(frame: Frame | undefined): string {
  if (frame === undefined) return '';
  if (frame.keys === undefined) return `${frame.path}[${frame.index}]`;
  return frame.path === '' ? frame.key : `${frame.path}.${frame.key}`;
}

export function duplicateFields(body: Buffer): string[] {
  const text = body.toString('utf8');
  if (!/^\s*\{/.test(text)) return [];
  const found: string[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      let end = index + 1;
      let escaped = false;
      while (end < text.length && text.charCodeAt(end) !== 0x22) {
        if (text.charCodeAt(end) === 0x5c) {
          escaped = true;
          end += 1;
        }
        end += 1;
      }
      const frame = stack.at(-1);
      if (expectKey && frame?.keys !== undefined) {
        const key = escaped ? (JSON.parse(text.slice(index, end + 1)) as string) : text.slice(index + 1, end);
        frame.key = key;
        if (frame.keys.has(key)) found.push(childPath(frame));
        else frame.keys.add(key);
        expectKey = false;
      }
      index = end;
    } else if (code === 0x7b || code === 0x5b) {
      stack.push({ keys: code === 0x7b ? new Set() : undefined, path: childPath(stack.at(-1)), key: '', index: 0 });
      expectKey = code === 0x7b;
    } else if (code === 0x7d || code === 0x5d) stack.pop();
    else if (code === 0x2c) {
      const frame = stack.at(-1);
      if (frame?.keys === undefined && frame !== undefined) frame.index += 1;
      expectKey = frame?.keys !== undefined;
    }
  }
  return found;
}
