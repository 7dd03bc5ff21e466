// The one place that talks to Kubernetes: the kubeconfig's contexts, and a live connection per
// context, opened on first use. No 'vscode' here: the adapters read the state and listen to events.
import type { ClusterError } from './cluster-error.ts';
import { ApiClient } from './api-client.ts';
import { ClusterConnection } from './cluster-connection.ts';
import { Emitter, type Disposable } from './disposable.ts';
import { loadKubeconfig, type LoadedKubeconfig } from './kubeconfig-loader.ts';
import type { Result } from '../core/result.ts';
import { ExecService } from './streams/exec-service.ts';
import { PortForwardManager } from './streams/port-forward-manager.ts';
import { UsageService, type UsageServiceOptions } from './usage/usage-service.ts';

export interface ClusterServiceOptions {
  /** The kubeconfig files in precedence order (kubeconfigPaths() of the environment). */
  readonly kubeconfigPaths: () => readonly string[];
  /** Usage history for right-sizing, collected while a context is connected; none when omitted. */
  readonly usage?: UsageServiceOptions;
}

function serversOf(kubeconfig: Result<LoadedKubeconfig, ClusterError>): Map<string, string> {
  return new Map(kubeconfig.ok ? kubeconfig.value.contexts.map((summary) => [summary.name, summary.server]) : []);
}

export class ClusterService implements Disposable {
  private readonly options: ClusterServiceOptions;
  private kubeconfig: Result<LoadedKubeconfig, ClusterError>;
  private readonly connections = new Map<string, ClusterConnection>();
  private readonly kubeconfigChanges = new Emitter<void>();
  /** Usage per connected context, when the options asked for it. */
  readonly usage: UsageService | undefined;
  /** Port forwards of every context: they outlive a reconnect, not their context leaving or moving servers. */
  readonly portForwards: PortForwardManager;
  /** Exec, attach, shells and copies, ending as the forwards do. */
  readonly exec: ExecService;

  constructor(options: ClusterServiceOptions) {
    this.options = options;
    this.kubeconfig = loadKubeconfig(options.kubeconfigPaths());
    this.portForwards = new PortForwardManager({ kubeconfig: () => this.kubeconfig });
    this.exec = new ExecService({ kubeconfig: () => this.kubeconfig });
    this.usage = options.usage === undefined ? undefined : new UsageService(options.usage);
  }

  /** The merged kubeconfig, or why it could not be read. */
  get config(): Result<LoadedKubeconfig, ClusterError> {
    return this.kubeconfig;
  }

  /** Re-reads the kubeconfig files; connections to contexts that changed or vanished are closed. */
  reload(): void {
    const before = serversOf(this.kubeconfig);
    this.kubeconfig = loadKubeconfig(this.options.kubeconfigPaths());
    // A context that vanished or now names another server starts a history of its own, and its
    // forwards and terminals stop (Switch Context rewrites the kubeconfig: the others go on).
    const servers = serversOf(this.kubeconfig);
    for (const [context, server] of before) {
      if (servers.get(context) === server) continue;
      this.portForwards.stopContext(context);
      this.exec.stopContext(context);
    }
    for (const [context, connection] of this.connections) if (servers.get(context) !== connection.server) void this.usage?.detach(context);
    for (const connection of this.connections.values()) connection.dispose();
    this.connections.clear();
    this.kubeconfigChanges.fire();
  }

  onDidChangeKubeconfig(listener: () => void): Disposable {
    return this.kubeconfigChanges.on(listener);
  }

  /** The live connection to `context`, started on first call; undefined for an unknown context. */
  connect(context: string): ClusterConnection | undefined {
    const existing = this.connections.get(context);
    if (existing !== undefined) return existing;
    if (!this.kubeconfig.ok) return undefined;
    const summary = this.kubeconfig.value.contexts.find((candidate) => candidate.name === context);
    if (summary === undefined) return undefined;
    const client = new ApiClient(context, this.kubeconfig.value.forContext(context));
    const connection = new ClusterConnection({ client, namespace: summary.namespace, server: summary.server });
    this.connections.set(context, connection);
    connection.start();
    this.attachUsage(connection);
    return connection;
  }

  /**
   * Usage sampling lists every pod's metrics: it starts once the pods are listed (or failed to be),
   * so on a big cluster it does not slow down the first rows. A reconnect after a reload hands the
   * new connection to the context's existing history.
   */
  private attachUsage(connection: ClusterConnection): void {
    const usage = this.usage;
    if (usage === undefined) return;
    const podsSettled = (): boolean => connection.state('pods').phase === 'synced' || connection.state('pods').phase === 'error';
    if (podsSettled()) {
      void usage.attach(connection);
      return;
    }
    const subscription = connection.onDidChangeState((resource) => {
      if (resource !== 'pods' || !podsSettled()) return;
      subscription.dispose();
      void usage.attach(connection);
    });
  }

  /**
   * Drops every context's usage history from memory (each is written first), for a new history
   * source: the next connect reads it back and then loads the new source.
   */
  resetUsage(): void {
    for (const context of this.connections.keys()) void this.usage?.detach(context);
  }

  /** The connection to `context` if one was opened. */
  connection(context: string): ClusterConnection | undefined {
    return this.connections.get(context);
  }

  dispose(): void {
    this.portForwards.dispose();
    this.exec.dispose();
    this.usage?.dispose();
    for (const connection of this.connections.values()) connection.dispose();
    this.connections.clear();
    this.kubeconfigChanges.clear();
  }
}
