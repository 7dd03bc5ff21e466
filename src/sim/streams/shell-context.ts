/** What the built-in shell's commands act on: the container's files and environment, the session's streams. */
import type { ContainerFs } from './container-fs.ts';
import type { InputQueue } from './input-queue.ts';

export interface ShellContext {
  readonly fs: ContainerFs;
  readonly env: Map<string, string>;
  cwd: string;
  readonly stdin: InputQueue;
  out(data: string | Uint8Array): void;
  err(data: string | Uint8Array): void;
  /** Aborted when the session ends or Ctrl-C interrupts the command. */
  readonly signal: AbortSignal;
  /** The container's processes as `ps` lists them (the main one first). */
  readonly processes: () => readonly string[];
  /** Runs a command line in a nested shell (`sh -c`); its exit status. */
  readonly run: (line: string) => Promise<number>;
}

export type Command = (args: readonly string[], context: ShellContext) => number | Promise<number>;

/** The shell's own exit (`exit N`), unwinding any command list it is in. */
export class ShellExit extends Error {
  readonly status: number;

  constructor(status: number) {
    super(`exit ${status}`);
    this.status = status;
  }
}

/** The same context with another stdout or signal; `cwd` stays shared, so `cd` in either moves both. */
export function deriveContext(context: ShellContext, overrides: Partial<Pick<ShellContext, 'out' | 'signal'>>): ShellContext {
  const derived = { ...context, ...overrides };
  Object.defineProperty(derived, 'cwd', {
    get: () => context.cwd,
    set: (cwd: string) => {
      context.cwd = cwd;
    },
  });
  return derived;
}
