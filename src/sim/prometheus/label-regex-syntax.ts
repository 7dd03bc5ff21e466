/**
 * The syntax of Prometheus' label regexes (Go's RE2 syntax) read into a tree: literals, `.`,
 * classes, `|`, groups (plain, non-capturing, named, with i/m/s/U flags), `* + ? {m,n}` with RE2's
 * limit of 1000 repeats, `^ $ \A \z` and the Perl classes. What RE2 refuses (backreferences,
 * lookaround) gets Go's message; the little RE2 has that this reader lacks (\b, \p{..}, [[:alpha:]],
 * \Q..\E, octal) is refused by name rather than matched differently.
 */

export type CharTest = (code: number) => boolean;
/** A zero-width test at a position of the input (code points). */
export type AssertTest = (input: readonly number[], at: number) => boolean;

export type RegexNode =
  | { readonly kind: 'char'; readonly test: CharTest }
  | { readonly kind: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alt'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'repeat'; readonly node: RegexNode; readonly min: number; readonly max: number }
  | { readonly kind: 'assert'; readonly test: AssertTest };

export class RegexSyntaxError extends Error {}

type Escaped = { readonly code: number } | { readonly test: CharTest } | { readonly assert: AssertTest };

/** RE2's limits: a repeat count above 1000 and groups nested deeper than 1000 are refused. */
const maxRepeat = 1000;
const maxNesting = 1000;
/** How far a group's `(?…` is read: flags and a group name; longer names are refused. */
const maxGroupHead = 64;

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
}

const newline = 10;
const range = (low: number, high: number): CharTest => (code) => code >= low && code <= high;
const anyOf = (...tests: CharTest[]): CharTest => (code) => tests.some((test) => test(code));
const not = (test: CharTest): CharTest => (code) => !test(code);
const digit = range(48, 57);
const word = anyOf(digit, range(65, 90), range(97, 122), (code) => code === 95);
const space = (code: number): boolean => code === 32 || (code >= 9 && code <= 13 && code !== 11);
const perlClasses: Readonly<Record<string, CharTest>> = { d: digit, D: not(digit), w: word, W: not(word), s: space, S: not(space) };
const controlEscapes: Readonly<Record<string, number>> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7 };

function otherCase(code: number, upper: boolean): number {
  const text = String.fromCodePoint(code);
  return (upper ? text.toUpperCase() : text.toLowerCase()).codePointAt(0) ?? code;
}

/** Under (?i) a test also accepts the other case of a character. */
function caseless(test: CharTest, flags: Flags): CharTest {
  return flags.i ? (code) => test(code) || test(otherCase(code, false)) || test(otherCase(code, true)) : test;
}

const textStart: AssertTest = (_input, at) => at === 0;
const textEnd: AssertTest = (input, at) => at === input.length;
const lineStart: AssertTest = (input, at) => at === 0 || input[at - 1] === newline;
const lineEnd: AssertTest = (input, at) => at === input.length || input[at] === newline;

export function parseLabelRegex(source: string): RegexNode {
  const chars = Array.from(source);
  let at = 0;
  const peek = (offset = 0): string | undefined => chars[at + offset];
  // A window, not the whole rest: joining the rest at every group of a 64 KiB pattern would be quadratic.
  const ahead = (length: number): string => chars.slice(at, at + length).join('');
  const fail = (message: string): never => {
    throw new RegexSyntaxError(message);
  };
  const unsupported = (what: string): never => fail(`${what} is not supported by the simulator's matcher`);

  /** After a backslash: one character (`code`), a class (`test`) or, outside classes, `\A`/`\z`. */
  function escape(inClass: boolean): Escaped {
    at += 1;
    const char = peek();
    if (char === undefined) return fail('trailing backslash at end of expression');
    at += 1;
    const perl = perlClasses[char];
    if (perl !== undefined) return { test: perl };
    const control = controlEscapes[char];
    if (control !== undefined) return { code: control };
    if (char === 'x') {
      const hex = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{2}))/.exec(ahead(8));
      if (hex === null) return fail(`invalid escape sequence: \`\\x${peek() ?? ''}\``);
      at += hex[0].length;
      return { code: parseInt(hex[1] ?? hex[2] ?? '', 16) };
    }
    if (!inClass && (char === 'A' || char === 'z')) return { assert: char === 'A' ? textStart : textEnd };
    // Go reads \0 and \12 as octal; a lone \1 is a backreference, refused below.
    const octal = char === '0' || (/[1-7]/.test(char) && /[0-7]/.test(peek() ?? ''));
    if ('bBpPQC'.includes(char) || octal) return unsupported(`\`\\${char}\``);
    // Go: any ASCII punctuation may be escaped; other letters and digits may not.
    if ((char.codePointAt(0) ?? 0) < 128 && !/[0-9A-Za-z]/.test(char)) return { code: char.codePointAt(0) ?? 0 };
    return fail(`invalid escape sequence: \`\\${char}\``);
  }

  function classAtom(): Escaped {
    if (peek() === '[' && peek(1) === ':') return unsupported('a POSIX class `[:...:]`');
    if (peek() === '\\') return escape(true);
    const code = peek()?.codePointAt(0) ?? 0;
    at += 1;
    return { code };
  }

  function characterClass(flags: Flags): CharTest {
    const start = at;
    at += 1;
    const negated = peek() === '^';
    if (negated) at += 1;
    const tests: CharTest[] = [];
    // A `]` first is a literal, as in `[]a]`.
    for (let first = true; first || peek() !== ']'; first = false) {
      if (peek() === undefined) return fail(`missing closing ]: \`${chars.slice(start).join('')}\``);
      const low = classAtom();
      if ('code' in low && peek() === '-' && peek(1) !== ']' && peek(1) !== undefined) {
        at += 1;
        const high = classAtom();
        if (!('code' in high) || high.code < low.code) return fail(`invalid character class range: \`${chars.slice(start, at).join('')}\``);
        tests.push(range(low.code, high.code));
      } else tests.push('code' in low ? (code) => code === low.code : 'test' in low ? low.test : fail('invalid escape in a character class'));
    }
    at += 1;
    const union = caseless(anyOf(...tests), flags);
    return negated ? not(union) : union;
  }

  /** `{n}`, `{n,}` or `{n,m}` at the cursor, or undefined: anything else is a literal `{`, as in Go. */
  function counted(): { min: number; max: number; length: number } | undefined {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(ahead(24));
    if (match === null) return undefined;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    if (min > maxRepeat || (max !== Infinity && (max > maxRepeat || max < min))) fail(`invalid repeat count: \`${match[0]}\``);
    return { min, max, length: match[0].length };
  }

  function quantified(node: RegexNode): RegexNode {
    let result = node;
    let previous: string | undefined;
    for (;;) {
      const char = peek();
      const count = char === '{' ? counted() : undefined;
      if (char !== '*' && char !== '+' && char !== '?' && count === undefined) return result;
      const operator = count === undefined ? (char ?? '') : chars.slice(at, at + count.length).join('');
      if (previous !== undefined) fail(`invalid nested repetition operator: \`${previous}${operator}\``);
      at += count?.length ?? 1;
      // A lazy repeat (`*?`) matches the same strings: only whether it matches counts here.
      const lazy = peek() === '?';
      if (lazy) at += 1;
      previous = lazy ? `${operator}?` : operator;
      const [min, max] = count === undefined ? (char === '*' ? [0, Infinity] : char === '+' ? [1, Infinity] : [0, 1]) : [count.min, count.max];
      result = { kind: 'repeat', node: result, min, max };
    }
  }

  function group(flags: Flags, depth: number): RegexNode | undefined {
    if (depth >= maxNesting) fail('expression nests too deeply');
    at += 1;
    const inner: Flags = { ...flags };
    if (peek() === '?') {
      const head = ahead(maxGroupHead);
      if (/^\?(=|!|<=|<!)/.test(head)) fail(`invalid or unsupported Perl syntax: \`(${head.slice(0, head[1] === '<' ? 3 : 2)}\``);
      const named = /^\?P?<[A-Za-z0-9_]+>/.exec(head);
      const flagged = /^\?(-?[imsU]+|[imsU]+-[imsU]*)?([:)])/.exec(head);
      if (named !== null) at += named[0].length;
      else if (flagged !== null) {
        const target = flagged[2] === ')' ? flags : inner;
        let value = true;
        for (const letter of flagged[1] ?? '') {
          if (letter === '-') value = false;
          else if (letter === 'i' || letter === 'm' || letter === 's') target[letter] = value;
        }
        at += flagged[0].length;
        // `(?i)` sets the flags for the rest of the enclosing group and matches nothing.
        if (flagged[2] === ')') return undefined;
      } else fail(`invalid or unsupported Perl syntax: \`(${head.slice(0, 2)}\``);
    }
    const node = alternation(inner, depth + 1);
    if (peek() !== ')') fail(`missing closing ): \`${source}\``);
    at += 1;
    return node;
  }

  function atom(flags: Flags, depth: number): RegexNode | undefined {
    const char = peek() ?? '';
    if (char === '(') return group(flags, depth);
    if (char === '*' || char === '+' || char === '?' || (char === '{' && counted() !== undefined)) return fail(`missing argument to repetition operator: \`${char}\``);
    if (char === '[') return { kind: 'char', test: characterClass(flags) };
    if (char === '^' || char === '$') {
      at += 1;
      return { kind: 'assert', test: char === '^' ? (flags.m ? lineStart : textStart) : flags.m ? lineEnd : textEnd };
    }
    if (char === '.') {
      at += 1;
      return { kind: 'char', test: flags.s ? () => true : (code) => code !== newline };
    }
    if (char === '\\') {
      const escaped = escape(false);
      if ('assert' in escaped) return { kind: 'assert', test: escaped.assert };
      return { kind: 'char', test: caseless('code' in escaped ? (code) => code === escaped.code : escaped.test, flags) };
    }
    at += 1;
    const code = char.codePointAt(0);
    return { kind: 'char', test: caseless((given) => given === code, flags) };
  }

  function concatenation(flags: Flags, depth: number): RegexNode {
    const items: RegexNode[] = [];
    while (at < chars.length && peek() !== '|' && peek() !== ')') {
      const node = atom(flags, depth);
      if (node !== undefined) items.push(quantified(node));
    }
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'concat', items };
  }

  function alternation(flags: Flags, depth: number): RegexNode {
    const items = [concatenation(flags, depth)];
    while (peek() === '|') {
      at += 1;
      items.push(concatenation(flags, depth));
    }
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'alt', items };
  }

  const tree = alternation({ i: false, m: false, s: false }, 0);
  if (at < chars.length) fail(`unexpected ): \`${source}\``);
  return tree;
}
