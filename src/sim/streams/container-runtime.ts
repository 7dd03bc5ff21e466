/**
 * The sim's container runtime: one filesystem per running container (kept while the pod lives, so a
 * `kubectl cp` into it is there for the next exec), and the processes an exec starts in it, run by
 * the built-in shell. Executables are looked up on $PATH in the container's files, so a missing
 * `bash` fails with the error containerd and runc give.
 */
import { randomBytes } from 'node:crypto';
import type { Container, Pod } from '../objects.ts';
import type { Outcome } from './channel-protocol.ts';
import { initialFiles } from './container-files.ts';
import { FsError, resolvePath, type ContainerFs } from './container-fs.ts';
import type { InputQueue } from './input-queue.ts';
import type { SourceLookup } from './pod-env.ts';
import { commands, shellOnly } from './shell-commands.ts';
import type { ShellContext } from './shell-context.ts';
import { interactive, runScript, type Interrupter } from './shell.ts';

/** Containers whose files are kept; the least recently used go first past it (a deleted pod's too). */
const maxContainers = 2_000;

interface ContainerState {
  readonly fs: ContainerFs;
  readonly running: Map<number, string>;
  nextPid: number;
}

export interface ProcessIo {
  readonly stdin: InputQueue;
  readonly out: (data: string | Uint8Array) => void;
  readonly err: (data: string | Uint8Array) => void;
  readonly signal: AbortSignal;
  readonly tty: boolean;
  readonly interrupter: Interrupter;
}

export interface ProcessSpec {
  readonly pod: Pod;
  readonly container: Container & { workingDir?: unknown };
  readonly argv: readonly string[];
  readonly env: Map<string, string>;
}

const shells = new Set(['sh', 'bash']);

function runtimeFailure(argv0: string): Outcome {
  return {
    failure: `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${randomBytes(32).toString('hex')}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv0}": executable file not found in $PATH: unknown`,
    reason: 'InternalError',
    code: 500,
  };
}

export class ContainerRuntime {
  private readonly containers = new Map<string, ContainerState>();
  /** The store's ConfigMaps and Secrets, decoded. */
  readonly lookup: SourceLookup;
  private readonly now: () => number;

  constructor(lookup: SourceLookup, now: () => number) {
    this.lookup = lookup;
    this.now = now;
  }

  private state(pod: Pod, container: Container): ContainerState {
    const key = `${pod.metadata.uid ?? pod.metadata.name ?? ''}/${container.name}`;
    let state = this.containers.get(key);
    if (state !== undefined) this.containers.delete(key);
    state ??= { fs: initialFiles(pod, container, [...commands.keys()].filter((name) => !shellOnly.has(name)), this.lookup, this.now), running: new Map(), nextPid: 7 };
    this.containers.set(key, state);
    if (this.containers.size > maxContainers) this.containers.delete(this.containers.keys().next().value ?? '');
    return state;
  }

  /** The executable's command name, or undefined when $PATH (or the path given) has no such file. */
  private executable(fs: ContainerFs, name: string, env: Map<string, string>): string | undefined {
    const candidates = name.includes('/') ? [resolvePath('/', name)] : (env.get('PATH') ?? '/bin').split(':').map((folder) => resolvePath(folder, name));
    const found = candidates.find((path) => fs.find(path)?.type === 'file');
    return found?.slice(found.lastIndexOf('/') + 1);
  }

  async run(spec: ProcessSpec, io: ProcessIo): Promise<Outcome> {
    const state = this.state(spec.pod, spec.container);
    const [argv0 = '', ...args] = spec.argv;
    const tool = this.executable(state.fs, argv0, spec.env);
    const command = tool === undefined ? undefined : commands.get(tool);
    if (tool === undefined || (command === undefined && !shells.has(tool))) return runtimeFailure(argv0);
    const pid = state.nextPid;
    state.nextPid += 1;
    state.running.set(pid, spec.argv.join(' '));
    const main = spec.container.command ?? spec.container.image?.replace(/^.*\//, '').replace(/[:@].*$/, '') ?? spec.container.name;
    const context: ShellContext = {
      fs: state.fs,
      env: spec.env,
      cwd: typeof spec.container.workingDir === 'string' ? resolvePath('/', spec.container.workingDir) : '/',
      stdin: io.stdin,
      out: io.out,
      err: io.err,
      signal: io.signal,
      processes: () => [[main].flat().join(' '), ...state.running.values(), 'ps'],
      run: (line) => runScript(line, context, { name: 'sh', lastStatus: 0 }),
    };
    try {
      if (command !== undefined) return { exitCode: await command(args, context) };
      const shellState = { name: tool, lastStatus: 0 };
      if (args[0] === '-c') return { exitCode: await runScript(args[1] ?? '', context, shellState) };
      const script = args.find((arg) => !arg.startsWith('-'));
      if (script === undefined) return { exitCode: await interactive(context, shellState, io.tty, io.interrupter) };
      try {
        return { exitCode: await runScript(new TextDecoder().decode(state.fs.readFile(resolvePath(context.cwd, script))), context, shellState) };
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        io.err(`${tool}: can't open '${script}': ${error.message}\n`);
        return { exitCode: 2 };
      }
    } finally {
      state.running.delete(pid);
    }
  }
}
