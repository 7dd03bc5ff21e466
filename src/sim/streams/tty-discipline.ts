/**
 * The terminal line discipline of a TTY session (what a pty does in a real container): input is
 * echoed, edited (backspace) and handed to the shell a line at a time; Ctrl-C interrupts the
 * running command, Ctrl-D on an empty line ends the input; output newlines become CR LF.
 */
import type { InputQueue } from './input-queue.ts';

export interface TtyHooks {
  readonly echo: (text: string) => void;
  /** Ctrl-C: true when a running command was interrupted. */
  readonly interrupt: () => boolean;
}

export class TtyDiscipline {
  private line = '';
  private escape = false;
  private readonly input: InputQueue;
  private readonly hooks: TtyHooks;

  constructor(input: InputQueue, hooks: TtyHooks) {
    this.input = input;
    this.hooks = hooks;
  }

  receive(text: string): void {
    for (const char of text) this.key(char);
  }

  private key(char: string): void {
    if (this.escape) {
      // An escape sequence (arrows, function keys) ends at its final byte; the shell has no history to move through.
      if (/[@-~]/.test(char) && char !== '[') this.escape = false;
      return;
    }
    if (char === '\x1b') this.escape = true;
    else if (char === '\r' || char === '\n') {
      this.hooks.echo('\r\n');
      this.input.push(new TextEncoder().encode(`${this.line}\n`));
      this.line = '';
    } else if (char === '\x7f' || char === '\b') {
      if (this.line === '') return;
      this.line = [...this.line].slice(0, -1).join('');
      this.hooks.echo('\b \b');
    } else if (char === '\x03') {
      this.hooks.echo('^C\r\n');
      this.line = '';
      // Nothing running: an empty line gives the next prompt, as a shell does.
      if (!this.hooks.interrupt()) this.input.push(new TextEncoder().encode('\n'));
    } else if (char === '\x04') {
      if (this.line === '') this.input.end();
    } else if (char >= ' ' || char === '\t') {
      this.line += char;
      this.hooks.echo(char);
    }
  }
}

/** Output as a pty with onlcr writes it. */
export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
