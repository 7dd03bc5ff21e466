// An interactive shell in a container, for the terminal: `bash` when the image has it, else `sh`
// (alpine and busybox images have only sh; distroless ones none). A shell that starts prints its
// prompt; one missing from the image ends at once with the runtime's error: whichever comes first
// tells which, so no time-out guesses.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import type { ClusterError } from '../cluster-error.ts';
import { isMissingProgram } from './exec-errors.ts';
import { startExec, type ExecTarget, type StreamOptions, type StreamSession } from './exec.ts';

export interface ShellSession {
  readonly session: StreamSession;
  /** The shell that runs: 'bash' or 'sh'. */
  readonly shell: string;
}

export const defaultShells = ['bash', 'sh'] as const;

export async function startShell(config: KubeConfig, target: ExecTarget, options: StreamOptions, shells: readonly string[] = defaultShells): Promise<Result<ShellSession, ClusterError>> {
  for (const shell of shells) {
    let firstOutput: () => void = () => undefined;
    const started = new Promise<'output'>((resolve) => (firstOutput = () => resolve('output')));
    const opened = await startExec(config, target, [shell], {
      ...options,
      onStdout: (data) => {
        firstOutput();
        options.onStdout(data);
      },
    });
    if (!opened.ok) return opened;
    const first = await Promise.race([started, opened.value.ended]);
    if (first !== 'output' && 'error' in first && isMissingProgram(first.error)) continue;
    return ok({ session: opened.value, shell });
  }
  return err({ kind: 'notFound', message: `the image of container "${target.container}" (pod ${target.namespace}/${target.pod}, context "${target.context}") has no shell: tried ${shells.join(', ')}` });
}
