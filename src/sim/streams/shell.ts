/**
 * The built-in shell of a simulated container: runs command lines (shell-parse.ts) with the
 * commands of shell-commands.ts, `sh -c` nested, and an interactive loop reading stdin with a
 * prompt when a terminal is attached. Messages name the shell as busybox sh or bash do.
 */
import { FsError, resolvePath } from './container-fs.ts';
import { commands } from './shell-commands.ts';
import { deriveContext, ShellExit, type ShellContext } from './shell-context.ts';
import { expandWord, parseLine, ShellSyntaxError, type SimpleCommand } from './shell-parse.ts';

export interface ShellState {
  /** 'sh' or 'bash': which messages and prompt. */
  readonly name: string;
  lastStatus: number;
}

const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

function notFound(state: ShellState, command: string): string {
  return state.name === 'bash' ? `bash: ${command}: command not found\n` : `sh: ${command}: not found\n`;
}

async function runNested(args: readonly string[], context: ShellContext, name: string): Promise<number> {
  if (args[0] !== '-c' || args[1] === undefined) {
    context.err(`${name}: the simulated shell runs a nested shell only as ${name} -c 'COMMANDS'\n`);
    return 2;
  }
  return runScript(args[1], context, { name, lastStatus: 0 });
}

async function runSimple(command: SimpleCommand, context: ShellContext, state: ShellState): Promise<number> {
  const lookup = (name: string): string | undefined => (name === '?' ? String(state.lastStatus) : context.env.get(name));
  const words = command.words.map((word) => expandWord(word, lookup));
  while (words.length > 0 && assignment.test(words[0] ?? '')) {
    const [, name = '', value = ''] = assignment.exec(words.shift() ?? '') ?? [];
    context.env.set(name, value);
  }
  const [name, ...args] = words;
  if (name === undefined) return 0;
  let output: Uint8Array[] | undefined;
  const target = command.redirect === undefined ? undefined : resolvePath(context.cwd, expandWord(command.redirect.target, lookup));
  if (target !== undefined) output = [];
  const commandContext = target === undefined ? context : deriveContext(context, { out: (data) => output?.push(typeof data === 'string' ? new TextEncoder().encode(data) : data) });
  const builtin = commands.get(name.replace(/^\/(usr\/)?bin\//, ''));
  const shell = ['sh', 'bash'].includes(name.replace(/^\/bin\//, '')) && context.fs.find(`/bin/${name.replace(/^\/bin\//, '')}`) !== undefined;
  let status: number;
  if (shell) status = await runNested(args, commandContext, name.replace(/^\/bin\//, ''));
  else if (builtin !== undefined) status = await builtin(args, commandContext);
  else {
    context.err(notFound(state, name));
    status = 127;
  }
  if (target !== undefined && output !== undefined) {
    try {
      const data = new Uint8Array(output.reduce((sum, chunk) => sum + chunk.length, 0));
      output.reduce((offset, chunk) => (data.set(chunk, offset), offset + chunk.length), 0);
      context.fs.writeFile(target, data, { append: command.redirect?.append ?? false });
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      context.err(`${state.name}: can't create ${target}: ${error.message}\n`);
      return 1;
    }
  }
  return status;
}

/** Runs one line of commands; `exit` ends it with a ShellExit. */
export async function runLine(line: string, context: ShellContext, state: ShellState): Promise<number> {
  let parsed: SimpleCommand[];
  try {
    parsed = parseLine(line);
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    context.err(`${state.name}: syntax error: ${error.message}\n`);
    state.lastStatus = 2;
    return 2;
  }
  for (const command of parsed) {
    if (context.signal.aborted) break;
    if ((command.after === '&&' && state.lastStatus !== 0) || (command.after === '||' && state.lastStatus === 0)) continue;
    state.lastStatus = await runSimple(command, context, state);
  }
  return state.lastStatus;
}

/** `sh -c SCRIPT`: its lines in order, the exit status of the last or of `exit`. */
export async function runScript(script: string, context: ShellContext, state: ShellState): Promise<number> {
  try {
    for (const line of script.split('\n')) await runLine(line, context, state);
    return state.lastStatus;
  } catch (error) {
    if (error instanceof ShellExit) return error.status;
    throw error;
  }
}

export function prompt(context: ShellContext, state: ShellState): string {
  const home = context.env.get('HOME') ?? '/root';
  const where = context.cwd === home ? '~' : context.cwd;
  return state.name === 'bash' ? `root@${context.env.get('HOSTNAME') ?? ''}:${where}# ` : `${where} # `;
}

/** Ctrl-C: aborts the command line running now, not the session. */
export class Interrupter {
  current: AbortController | undefined;

  interrupt(): boolean {
    this.current?.abort();
    return this.current !== undefined;
  }
}

/** Reads and runs lines from stdin until `exit` or the end of input; `showPrompt` when a terminal is attached. */
export async function interactive(context: ShellContext, state: ShellState, showPrompt: boolean, interrupter = new Interrupter()): Promise<number> {
  for (;;) {
    if (showPrompt) context.out(prompt(context, state));
    const line = await context.stdin.readLine(context.signal);
    if (line === undefined) return state.lastStatus;
    const running = new AbortController();
    interrupter.current = running;
    try {
      await runLine(line, deriveContext(context, { signal: AbortSignal.any([context.signal, running.signal]) }), state);
    } catch (error) {
      if (error instanceof ShellExit) return error.status;
      throw error;
    } finally {
      interrupter.current = undefined;
    }
  }
}
