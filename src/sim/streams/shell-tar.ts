/**
 * The built-in shell's `tar`, enough for `kubectl cp` both ways: `tar cf - PATH...` writes an
 * archive of the container's files to stdout, `tar xf - [-C DIR]` (with -m, -v, -p, -o accepted)
 * reads one from stdin. As GNU tar, leading `/` is dropped from member names and a member with a
 * `..` step is skipped; the in-memory filesystem has no links, so link members are skipped too.
 */
import { planExtraction, safeSteps } from '../../core/archive/entry-path.ts';
import type { TarEntry } from '../../core/archive/tar-format.ts';
import { readTar } from '../../core/archive/tar-reader.ts';
import { writeTar } from '../../core/archive/tar-writer.ts';
import { InputTooLarge } from './input-queue.ts';
import { resolvePath, type FsNode } from './container-fs.ts';
import type { ShellContext } from './shell-context.ts';

const stdinLimit = 64 * 1024 * 1024;

interface TarOptions {
  mode: 'c' | 'x' | undefined;
  file: string | undefined;
  directory: string | undefined;
  verbose: boolean;
  paths: string[];
}

/** GNU tar's argument forms: bundled old-style flags (`cf -`, `-xmf -`), then options with values. */
function parseTarArgs(args: readonly string[]): TarOptions | string {
  const options: TarOptions = { mode: undefined, file: undefined, directory: undefined, verbose: false, paths: [] };
  const queue = [...args];
  let first = true;
  while (queue.length > 0) {
    const arg = queue.shift() ?? '';
    const bundled = first && !arg.startsWith('-') ? arg : arg.startsWith('-') && !arg.startsWith('--') ? arg.slice(1) : undefined;
    first = false;
    if (arg === '--') {
      options.paths = options.paths.concat(queue.splice(0));
    } else if (bundled === undefined) {
      options.paths.push(arg);
    } else {
      for (const flag of bundled) {
        if (flag === 'c' || flag === 'x') options.mode = flag;
        else if (flag === 'f') options.file = queue.shift();
        else if (flag === 'C') options.directory = queue.shift();
        else if (flag === 'v') options.verbose = true;
        else if (!'mpo'.includes(flag)) return `unrecognized option '-${flag}' (the simulated tar knows c, x, f, C, v, m, p, o)`;
      }
    }
  }
  if (options.mode === undefined) return "you must specify one of the '-c' or '-x' options";
  if (options.file !== undefined && options.file !== '-') return 'only the archive "-" (stdin or stdout) is supported by the simulated tar';
  return options;
}

function archiveEntries(node: FsNode, name: string, entries: TarEntry[]): void {
  if (node.type === 'file') {
    entries.push({ path: name, type: 'file', mode: node.mode, mtime: Math.floor(node.mtime / 1000), data: node.data, linkName: '' });
    return;
  }
  entries.push({ path: name, type: 'directory', mode: node.mode, mtime: Math.floor(node.mtime / 1000), data: new Uint8Array(0), linkName: '' });
  for (const [child, childNode] of node.children) archiveEntries(childNode, `${name}/${child}`, entries);
}

function create(options: TarOptions, context: ShellContext): number {
  const entries: TarEntry[] = [];
  let status = 0;
  let warned = false;
  const base = resolvePath(context.cwd, options.directory ?? '.');
  for (const path of options.paths) {
    const node = context.fs.find(resolvePath(base, path));
    if (node === undefined) {
      context.err(`tar: ${path}: Cannot stat: No such file or directory\n`);
      status = 2;
      continue;
    }
    if (path.startsWith('/') && !warned) {
      context.err("tar: Removing leading `/' from member names\n");
      warned = true;
    }
    archiveEntries(node, (safeSteps(path.replace(/^\/+/, '')) ?? []).join('/') || '.', entries);
  }
  if (options.paths.length === 0) return (context.err('tar: Cowardly refusing to create an empty archive\n'), 2);
  context.out(writeTar(entries));
  return status;
}

async function extract(options: TarOptions, context: ShellContext): Promise<number> {
  let archive: Uint8Array;
  try {
    archive = await context.stdin.readAll(stdinLimit);
  } catch (error) {
    if (error instanceof InputTooLarge) return (context.err('tar: the archive is larger than the simulated container accepts\n'), 2);
    throw error;
  }
  const read = readTar(archive);
  if (!read.ok) return (context.err(`tar: ${read.error}\n`), 2);
  const base = resolvePath(context.cwd, options.directory ?? '.');
  if (context.fs.find(base)?.type !== 'directory') return (context.err(`tar: ${options.directory ?? '.'}: Cannot open: No such file or directory\n`), 2);
  let status = 0;
  const safe = read.value.filter((entry) => {
    if (safeSteps(entry.path.replace(/^\/+/, '')) !== undefined) return true;
    context.err(`tar: ${entry.path}: Member name contains '..'\n`);
    status = 2;
    return false;
  });
  const plan = planExtraction(safe.map((entry) => ({ ...entry, path: entry.path.replace(/^\/+/, '') })), '');
  if (!plan.ok) return (context.err(`tar: ${plan.error}\n`), 2);
  for (const skipped of plan.value.skipped) context.err(`tar: ${skipped}: Cannot create link: Operation not supported\n`);
  for (const { steps, entry } of plan.value.entries) {
    const target = resolvePath(base, steps.join('/'));
    if (options.verbose) context.out(`${steps.join('/')}\n`);
    if (entry.type === 'directory') context.fs.makeFolder(target, entry.mode);
    else {
      context.fs.makeFolder(resolvePath(target, '..'));
      context.fs.writeFile(target, entry.data, { mode: entry.mode, mtime: entry.mtime * 1000 });
    }
  }
  return plan.value.skipped.length > 0 ? 2 : status;
}

export async function tar(args: readonly string[], context: ShellContext): Promise<number> {
  const options = parseTarArgs(args);
  if (typeof options === 'string') return (context.err(`tar: ${options}\n`), 2);
  return options.mode === 'c' ? create(options, context) : extract(options, context);
}
