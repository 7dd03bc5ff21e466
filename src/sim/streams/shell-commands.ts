/**
 * The built-in shell's commands, each a few lines acting on the simulated container: enough for a
 * user to look around (ls, cat, env, ps, hostname) and for scripts (test, true/false, sleep, exit).
 * Messages follow busybox's wording. `tar` lives in shell-tar.ts.
 */
import { FsError, resolvePath, type FsNode } from './container-fs.ts';
import { InputTooLarge } from './input-queue.ts';
import { ShellExit, type Command, type ShellContext } from './shell-context.ts';
import { tar } from './shell-tar.ts';

/** `cat` of stdin and `tar xf -` read at most this much (the container's whole disk is larger). */
export const maxStdinBytes = 64 * 1024 * 1024;

function fail(context: ShellContext, name: string, message: string, status = 1): number {
  context.err(`${name}: ${message}\n`);
  return status;
}

/** Runs `body` and turns a filesystem error into the command's message and status 1. */
function guarded(name: string, body: (args: readonly string[], context: ShellContext) => number | Promise<number>): Command {
  return async (args, context) => {
    try {
      return await body(args, context);
    } catch (error) {
      if (error instanceof FsError) return fail(context, name, error.message);
      throw error;
    }
  };
}

const modeText = (node: FsNode): string =>
  (node.type === 'directory' ? 'd' : '-') + [6, 3, 0].map((shift) => ['r', 'w', 'x'].map((bit, index) => ((node.mode >> shift) & (4 >> index) ? bit : '-')).join('')).join('');

function listing(name: string, node: FsNode, long: boolean): string {
  if (!long) return name;
  const size = node.type === 'file' ? node.data.length : 4096;
  const date = new Date(node.mtime).toISOString().slice(0, 16).replace('T', ' ');
  return `${modeText(node)}    1 root     root     ${String(size).padStart(9)} ${date} ${name}`;
}

const ls: Command = guarded('ls', (args, context) => {
  const flags = args.filter((arg) => arg.startsWith('-')).join('');
  const paths = args.filter((arg) => !arg.startsWith('-'));
  const long = flags.includes('l');
  let status = 0;
  for (const path of paths.length === 0 ? ['.'] : paths) {
    const node = context.fs.find(resolvePath(context.cwd, path));
    if (node === undefined) {
      status = fail(context, 'ls', `${path}: No such file or directory`);
      continue;
    }
    if (paths.length > 1 && node.type === 'directory') context.out(`${path}:\n`);
    const entries = node.type === 'directory' ? [...node.children].filter(([name]) => flags.includes('a') || !name.startsWith('.')).sort(([a], [b]) => (a < b ? -1 : 1)) : [[path, node] as const];
    for (const [name, child] of entries) context.out(`${listing(name, child, long)}\n`);
  }
  return status;
});

const cat: Command = guarded('cat', async (args, context) => {
  if (args.length === 0 || (args.length === 1 && args[0] === '-')) {
    try {
      context.out(await context.stdin.readAll(maxStdinBytes));
      return 0;
    } catch (error) {
      if (error instanceof InputTooLarge) return fail(context, 'cat', `stdin is larger than the simulated container reads (${maxStdinBytes} bytes)`);
      throw error;
    }
  }
  let status = 0;
  for (const path of args) {
    try {
      context.out(context.fs.readFile(resolvePath(context.cwd, path)));
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      status = fail(context, 'cat', `can't open '${path}': ${error.message}`);
    }
  }
  return status;
});

function echo(args: readonly string[], context: ShellContext): number {
  const noNewline = args[0] === '-n';
  context.out(`${(noNewline ? args.slice(1) : args).join(' ')}${noNewline ? '' : '\n'}`);
  return 0;
}

/** test / [: the file and string checks scripts use (kubectl cp runs `test -d`). */
function test(args: readonly string[], context: ShellContext): number {
  const operands = args[args.length - 1] === ']' ? args.slice(0, -1) : args;
  const negate = operands[0] === '!';
  const [first = '', second, third] = negate ? operands.slice(1) : operands;
  const node = (path: string | undefined): FsNode | undefined => context.fs.find(resolvePath(context.cwd, path ?? ''));
  let result: boolean;
  if (second === '=' || second === '!=') result = (first === (third ?? '')) === (second === '=');
  else if (first === '-d') result = node(second)?.type === 'directory';
  else if (first === '-f') result = node(second)?.type === 'file';
  else if (first === '-e') result = node(second) !== undefined;
  else if (first === '-z') result = (second ?? '') === '';
  else if (first === '-n') result = (second ?? '') !== '';
  else result = first !== '';
  return result !== negate ? 0 : 1;
}

/** Node's timers hold at most 2^31-1 ms (24.8 days); `sleep infinity` (GNU) waits for the end of the session. */
const maxTimerMs = 2 ** 31 - 1;

function sleep(args: readonly string[], context: ShellContext): Promise<number> | number {
  const seconds = args[0] === 'infinity' ? Infinity : Number(args[0]);
  if (Number.isNaN(seconds) || seconds < 0) return fail(context, 'sleep', `invalid number '${args[0] ?? ''}'`);
  return new Promise((resolve) => {
    const timer = seconds === Infinity ? undefined : setTimeout(() => resolve(0), Math.min(seconds * 1000, maxTimerMs));
    context.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(130);
    }, { once: true });
  });
}

function cd(args: readonly string[], context: ShellContext): number {
  const target = resolvePath(context.cwd, args[0] ?? context.env.get('HOME') ?? '/');
  if (context.fs.find(target)?.type !== 'directory') return fail(context, 'cd', `can't cd to ${args[0] ?? target}: No such file or directory`, 2);
  context.cwd = target;
  context.env.set('PWD', target);
  return 0;
}

function exit(args: readonly string[]): number {
  const status = args[0] === undefined ? 0 : Number(args[0]);
  throw new ShellExit(Number.isInteger(status) ? ((status % 256) + 256) % 256 : 2);
}

function ps(_args: readonly string[], context: ShellContext): number {
  context.out('PID   USER     TIME  COMMAND\n');
  context.processes().forEach((command, index) => context.out(`${String(index === 0 ? 1 : index * 7 + 1).padStart(5)} root      0:00 ${command}\n`));
  return 0;
}

function exportVariables(args: readonly string[], context: ShellContext): number {
  for (const arg of args) {
    const equals = arg.indexOf('=');
    if (equals > 0) context.env.set(arg.slice(0, equals), arg.slice(equals + 1));
  }
  return 0;
}

const mkdir: Command = guarded('mkdir', (args, context) => {
  for (const path of args.filter((arg) => !arg.startsWith('-'))) {
    const target = resolvePath(context.cwd, path);
    if (!args.includes('-p') && context.fs.find(resolvePath(target, '..'))?.type !== 'directory') return fail(context, 'mkdir', `can't create directory '${path}': No such file or directory`);
    context.fs.makeFolder(target);
  }
  return 0;
});

const rm: Command = guarded('rm', (args, context) => {
  const force = args.some((arg) => arg.startsWith('-') && arg.includes('f'));
  const recursive = args.some((arg) => arg.startsWith('-') && /[rR]/.test(arg));
  for (const path of args.filter((arg) => !arg.startsWith('-'))) {
    const target = resolvePath(context.cwd, path);
    const node = context.fs.find(target);
    if (node === undefined && force) continue;
    if (node?.type === 'directory' && !recursive) return fail(context, 'rm', `'${path}' is a directory`);
    context.fs.remove(target);
  }
  return 0;
});

/** The commands every simulated image with a shell ships, by name. */
export const commands: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['echo', echo],
  ['env', (_args, context) => (context.out([...context.env].map(([key, value]) => `${key}=${value}\n`).join('')), 0)],
  ['cat', cat],
  ['ls', ls],
  ['hostname', (_args, context) => (context.out(`${context.env.get('HOSTNAME') ?? ''}\n`), 0)],
  ['ps', ps],
  ['sleep', sleep],
  ['exit', exit],
  ['pwd', (_args, context) => (context.out(`${context.cwd}\n`), 0)],
  ['cd', cd],
  ['true', () => 0],
  ['false', () => 1],
  ['test', test],
  ['[', test],
  ['export', exportVariables],
  ['mkdir', mkdir],
  ['rm', rm],
  ['tar', guarded('tar', tar)],
]);

/** Commands found only inside a shell, never as a file under /bin (exec of `cd` fails as on a real image). */
export const shellOnly = new Set(['exit', 'cd', 'export']);
