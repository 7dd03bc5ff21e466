/**
 * The built-in shell's grammar, a small subset of POSIX sh: words with '…', "…" and \ quoting,
 * `$NAME`, `${NAME}`, `$?` and a leading `~` expanded when a command runs (so `X=1; echo $X`
 * works), lists joined by `;`, `&&` and `||`, and `>`/`>>` redirection of stdout. No globbing,
 * pipes or subshells: the simulated containers have no programs to pipe between.
 */
export type Operator = ';' | '&&' | '||';

interface Part {
  readonly text: string;
  /** Single-quoted text is never expanded. */
  readonly literal: boolean;
}

export type Word = readonly Part[];

export interface SimpleCommand {
  readonly words: readonly Word[];
  readonly redirect: { readonly target: Word; readonly append: boolean } | undefined;
  /** How this command joins the previous one's outcome; ';' for the first. */
  readonly after: Operator;
}

export class ShellSyntaxError extends Error {}

type Token = { readonly kind: 'word'; readonly word: Word } | { readonly kind: 'op'; readonly op: Operator | '>' | '>>' };

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let parts: Part[] | undefined;
  const add = (text: string, literal: boolean): void => {
    parts ??= [];
    parts.push({ text, literal });
  };
  const endWord = (): void => {
    if (parts !== undefined) tokens.push({ kind: 'word', word: parts });
    parts = undefined;
  };
  let index = 0;
  while (index < line.length) {
    const char = line[index] ?? '';
    if (char === '#' && parts === undefined) break;
    if (/\s/.test(char)) {
      endWord();
      index += 1;
    } else if (char === "'") {
      const end = line.indexOf("'", index + 1);
      if (end === -1) throw new ShellSyntaxError('unterminated quoted string');
      add(line.slice(index + 1, end), true);
      index = end + 1;
    } else if (char === '"') {
      let text = '';
      index += 1;
      while (index < line.length && line[index] !== '"') {
        if (line[index] === '\\' && /["\\$`]/.test(line[index + 1] ?? '')) {
          // An escaped $ stays literal: a part of its own.
          add(text, false);
          add(line[index + 1] ?? '', true);
          text = '';
          index += 2;
        } else {
          text += line[index] ?? '';
          index += 1;
        }
      }
      if (index >= line.length) throw new ShellSyntaxError('unterminated quoted string');
      add(text, false);
      index += 1;
    } else if (char === '\\') {
      add(line[index + 1] ?? '', true);
      index += 2;
    } else {
      const op = /^(&&|\|\||>>|;|>|\||&)/.exec(line.slice(index))?.[0];
      if (op === '|' || op === '&') throw new ShellSyntaxError(`"${op}" is not supported by the simulated shell`);
      if (op !== undefined) {
        endWord();
        tokens.push({ kind: 'op', op: op as Operator | '>' | '>>' });
        index += op.length;
      } else {
        const run = /^[^\s'"\\;&|>#]+#*/.exec(line.slice(index))?.[0] ?? char;
        add(run, false);
        index += run.length;
      }
    }
  }
  endWord();
  return tokens;
}

export function parseLine(line: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: Word[] = [];
  let redirect: SimpleCommand['redirect'];
  let after: Operator = ';';
  const tokens = tokenize(line);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token === undefined) break;
    if (token.kind === 'word') {
      words.push(token.word);
    } else if (token.op === '>' || token.op === '>>') {
      const target = tokens[index + 1];
      if (target?.kind !== 'word') throw new ShellSyntaxError(`unexpected ${target === undefined ? 'end of line' : `"${target.op}"`}`);
      redirect = { target: target.word, append: token.op === '>>' };
      index += 1;
    } else {
      if (words.length === 0) {
        if (token.op === ';' && commands.length === 0 && index === tokens.length - 1) continue;
        throw new ShellSyntaxError(`unexpected "${token.op}"`);
      }
      commands.push({ words, redirect, after });
      words = [];
      redirect = undefined;
      after = token.op;
    }
  }
  if (words.length > 0) commands.push({ words, redirect, after });
  else if (after !== ';') throw new ShellSyntaxError('unexpected end of line');
  return commands;
}

/** A word's text with variables expanded from `lookup` (`?` is the last status). */
export function expandWord(word: Word, lookup: (name: string) => string | undefined): string {
  return word
    .map((part, index) => {
      if (part.literal) return part.text;
      const text = index === 0 && (part.text === '~' || part.text.startsWith('~/')) ? `${lookup('HOME') ?? ''}${part.text.slice(1)}` : part.text;
      return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|(\?))/g, (_match, braced?: string, bare?: string, status?: string) => lookup(braced ?? bare ?? status ?? '') ?? '');
    })
    .join('');
}
