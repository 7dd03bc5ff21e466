// The cluster service's exec, attach, shell and copy, by context: each stream gets its context's
// signal, so a context that leaves the kubeconfig or moves to another server (stopContext) and the
// service's dispose close every stream still open, as the port-forward manager stops its forwards.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Result } from '../../core/result.ts';
import { err } from '../../core/result.ts';
import type { ClusterError } from '../cluster-error.ts';
import type { Disposable } from '../disposable.ts';
import type { LoadedKubeconfig } from '../kubeconfig-loader.ts';
import { copyFromPod, copyToPod, type CopyReport } from './exec-copy.ts';
import { startShell, type ShellSession } from './exec-shell.ts';
import { startAttach, startExec, type ExecTarget, type StreamOptions, type StreamSession } from './exec.ts';

export interface ExecServiceDeps {
  readonly kubeconfig: () => Result<LoadedKubeconfig, ClusterError>;
}

export class ExecService implements Disposable {
  private readonly deps: ExecServiceDeps;
  private readonly contexts = new Map<string, AbortController>();

  constructor(deps: ExecServiceDeps) {
    this.deps = deps;
  }

  /** Runs `use` with the context's client configuration and a signal that also ends with the context. */
  private async within<T>(context: string, signal: AbortSignal | undefined, use: (config: KubeConfig, signal: AbortSignal) => Promise<Result<T, ClusterError>>): Promise<Result<T, ClusterError>> {
    const kubeconfig = this.deps.kubeconfig();
    if (!kubeconfig.ok) return kubeconfig;
    if (!kubeconfig.value.contexts.some((summary) => summary.name === context)) return err({ kind: 'kubeconfig', message: `no context "${context}" in the kubeconfig` });
    let controller = this.contexts.get(context);
    if (controller === undefined) {
      controller = new AbortController();
      this.contexts.set(context, controller);
    }
    return use(kubeconfig.value.forContext(context), signal === undefined ? controller.signal : AbortSignal.any([signal, controller.signal]));
  }

  exec(target: ExecTarget, command: readonly string[], options: StreamOptions): Promise<Result<StreamSession, ClusterError>> {
    return this.within(target.context, options.signal, (config, signal) => startExec(config, target, command, { ...options, signal }));
  }

  attach(target: ExecTarget, options: StreamOptions): Promise<Result<StreamSession, ClusterError>> {
    return this.within(target.context, options.signal, (config, signal) => startAttach(config, target, { ...options, signal }));
  }

  /** bash, else sh (exec-shell.ts). */
  shell(target: ExecTarget, options: StreamOptions): Promise<Result<ShellSession, ClusterError>> {
    return this.within(target.context, options.signal, (config, signal) => startShell(config, target, { ...options, signal }));
  }

  copyFromPod(target: ExecTarget, remotePath: string, localFolder: string, signal?: AbortSignal): Promise<Result<CopyReport, ClusterError>> {
    return this.within(target.context, signal, (config, combined) => copyFromPod(config, target, remotePath, localFolder, combined));
  }

  copyToPod(target: ExecTarget, localPath: string, remoteFolder: string, signal?: AbortSignal): Promise<Result<CopyReport, ClusterError>> {
    return this.within(target.context, signal, (config, combined) => copyToPod(config, target, localPath, remoteFolder, combined));
  }

  /** Closes every stream of `context` (it left the kubeconfig or names another server now). */
  stopContext(context: string): void {
    this.contexts.get(context)?.abort();
    this.contexts.delete(context);
  }

  dispose(): void {
    for (const context of [...this.contexts.keys()]) this.stopContext(context);
  }
}
