// The forwards of every context: started after the user may create pods/portforward and the target
// resolves, listed with their state, stopped one by one, per context (the connection closed) or
// all at once on dispose, after which nothing of theirs listens. Every state change is an event.
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import { ApiClient } from '../api-client.ts';
import type { ClusterError } from '../cluster-error.ts';
import { Emitter, type Disposable } from '../disposable.ts';
import type { LoadedKubeconfig } from '../kubeconfig-loader.ts';
import { checkAccess } from './access-check.ts';
import { Forward, type ForwardSpec, type ForwardState } from './port-forward.ts';

export interface PortForwardManagerOptions {
  /** The merged kubeconfig, as the cluster service holds it (re-read on each start). */
  readonly kubeconfig: () => Result<LoadedKubeconfig, ClusterError>;
}

export class PortForwardManager implements Disposable {
  private readonly options: PortForwardManagerOptions;
  private readonly forwards = new Map<string, Forward>();
  private readonly changes = new Emitter<ForwardState>();
  private nextId = 1;
  private disposed = false;

  constructor(options: PortForwardManagerOptions) {
    this.options = options;
  }

  /** Every state change of every forward, a stopped one last. */
  onDidChange(listener: (state: ForwardState) => void): Disposable {
    return this.changes.on(listener);
  }

  list(): ForwardState[] {
    return [...this.forwards.values()].map((forward) => forward.snapshot);
  }

  async start(spec: ForwardSpec): Promise<Result<ForwardState, ClusterError>> {
    if (this.disposed) return err({ kind: 'invalid', message: 'port forwards are shut down' });
    const loaded = this.options.kubeconfig();
    if (!loaded.ok) return loaded;
    if (!loaded.value.contexts.some((context) => context.name === spec.context)) return err({ kind: 'kubeconfig', message: `no context "${spec.context}" in the kubeconfig` });
    const kubeConfig = loaded.value.forContext(spec.context);
    const client = new ApiClient(spec.context, kubeConfig);
    const target = spec.target;
    const allowed = await checkAccess(client, { verb: 'create', resource: 'pods', subresource: 'portforward', namespace: target.namespace, ...(target.kind === 'Pod' ? { name: target.name } : {}) });
    if (!allowed.ok) {
      client.dispose();
      return allowed;
    }
    const id = String(this.nextId);
    this.nextId += 1;
    const forward = new Forward(id, spec, { client, kubeConfig, changed: (state) => this.changes.fire(state) });
    const started = await forward.start();
    if (!started.ok || this.disposed) {
      forward.stop();
      return started.ok ? err({ kind: 'invalid', message: 'port forwards are shut down' }) : started;
    }
    this.forwards.set(id, forward);
    // Its first change came before it was listed: say it again now that list() has it.
    this.changes.fire(forward.snapshot);
    return ok(started.value);
  }

  /** Stops one forward (its port is free on return); false for an unknown id. */
  stop(id: string): boolean {
    const forward = this.forwards.get(id);
    if (forward === undefined) return false;
    this.forwards.delete(id);
    forward.stop();
    return true;
  }

  /** Stops the forwards of a context (its connection closed or its kubeconfig changed). */
  stopContext(context: string): void {
    for (const [id, forward] of this.forwards) if (forward.snapshot.spec.context === context) this.stop(id);
  }

  dispose(): void {
    this.disposed = true;
    for (const id of [...this.forwards.keys()]) this.stop(id);
    this.changes.clear();
  }
}
