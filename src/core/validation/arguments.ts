// A command line typed by the user, split into an argument list the way a POSIX shell splits words
// (quotes and backslashes), without ever running a shell: the Job gets `command: [...]`, not `sh -c`.

export type SplitResult = { readonly ok: true; readonly args: string[] } | { readonly ok: false; readonly reason: string };

export function splitArguments(line: string): SplitResult {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
    } else if (char === '\\') {
      const next = line[index + 1];
      if (next === undefined) return { ok: false, reason: 'it ends with a lone backslash' };
      // Inside double quotes a backslash only escapes ", \, $ and `; elsewhere it escapes anything.
      if (quote === '"' && !'"\\$`'.includes(next)) current += char;
      current += next;
      inWord = true;
      index += 1;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote !== undefined) return { ok: false, reason: `a ${quote === '"' ? 'double' : 'single'} quote is not closed` };
  if (inWord) args.push(current);
  return { ok: true, args };
}
