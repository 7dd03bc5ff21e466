// One forward: a listener on 127.0.0.1 whose connections are carried to the pod serving the target
// now. A loop keeps that pod current: resolve → serve until the pod stops serving (watched) →
// resolve again, with back-off while resolution fails. A connection that arrives while no pod
// serves waits for the next one (bounded). State changes go to one listener, bytes at most once a second.
import { createServer, type Server, type Socket } from 'node:net';
import { PortForward as ClientPortForward, type KubeConfig } from '@kubernetes/client-node';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import type { ApiClient } from '../api-client.ts';
import { BackOff, abortableSleep } from '../back-off.ts';
import type { ClusterError } from '../cluster-error.ts';
import { podGone } from './pod-gone.ts';
import { resolveTarget, targetText, type ForwardTarget, type ResolvedTarget } from './port-forward-target.ts';
import { carry } from './port-forward-tunnel.ts';

export interface ForwardSpec {
  readonly context: string;
  readonly target: ForwardTarget;
  /** A container port (number or name); for a Service, one of its ports. */
  readonly remotePort: number | string;
  /** 0: any free port; omitted: the remote port (a named one as resolved) when free, else any. */
  readonly localPort?: number;
}

/** starting: first resolution; active: a pod serves; reconnecting: looking for the next one; stopped: closed. */
export type ForwardPhase = 'starting' | 'active' | 'reconnecting' | 'stopped';

export interface ForwardState {
  readonly id: string;
  readonly spec: ForwardSpec;
  readonly localPort: number;
  readonly phase: ForwardPhase;
  /** The pod and container port carried to now (the last one while reconnecting). */
  readonly pod?: string;
  readonly podPort?: number;
  /** Remote → local and local → remote. */
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly openConnections: number;
  readonly totalConnections: number;
  /** Times the forward moved to another pod (or the same pod again). */
  readonly reconnects: number;
  /** Why it is reconnecting, or the last connection's error. */
  readonly message?: string;
}

/** A connection waits this long for a pod while the forward is reconnecting. */
const WAIT_FOR_POD_MS = 30_000;
const BYTES_EVENT_MS = 1000;
/** "No ready pod yet" is polled at this pace (a Retry-After for BackOff), not backed off to 30 s. */
const NO_POD_RETRY_SECONDS = 1;

export interface ForwardDeps {
  readonly client: ApiClient;
  readonly kubeConfig: KubeConfig;
  readonly changed: (state: ForwardState) => void;
  readonly backOff?: BackOff;
}

function listen(server: Server, port: number): Promise<Result<number, NodeJS.ErrnoException>> {
  return new Promise((resolve) => {
    const failed = (error: NodeJS.ErrnoException): void => resolve(err(error));
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      const address = server.address();
      resolve(ok(typeof address === 'object' && address !== null ? address.port : port));
    });
  });
}

export class Forward {
  private readonly deps: ForwardDeps;
  private readonly server = createServer();
  private readonly sockets = new Set<Socket>();
  private readonly stopper = new AbortController();
  private readonly forwarder: ClientPortForward;
  private readonly backOff: BackOff;
  private current: ResolvedTarget | undefined;
  private waiters = new Set<() => void>();
  private kick: AbortController | undefined;
  private bytesTimer: NodeJS.Timeout | undefined;
  private state: ForwardState;

  constructor(id: string, spec: ForwardSpec, deps: ForwardDeps) {
    this.deps = deps;
    this.forwarder = new ClientPortForward(deps.kubeConfig, false);
    this.backOff = deps.backOff ?? new BackOff();
    this.state = { id, spec, localPort: 0, phase: 'starting', bytesIn: 0, bytesOut: 0, openConnections: 0, totalConnections: 0, reconnects: 0 };
    this.server.on('connection', (socket) => void this.accept(socket));
  }

  get snapshot(): ForwardState {
    return this.state;
  }

  /** Resolves the target once and listens; the forward then keeps itself current until stop(). */
  async start(): Promise<Result<ForwardState, ClusterError>> {
    const { spec } = this.state;
    const first = await resolveTarget(this.deps.client, spec.target, spec.remotePort);
    if (!first.ok) return first;
    const wanted = spec.localPort ?? (typeof spec.remotePort === 'number' ? spec.remotePort : first.value.port);
    let listening = await listen(this.server, wanted);
    if (!listening.ok && spec.localPort === undefined && wanted !== 0) listening = await listen(this.server, 0);
    if (!listening.ok) return err({ kind: 'invalid', message: `cannot listen on 127.0.0.1:${wanted} for ${targetText(spec.target)}: ${listening.error.code ?? listening.error.message}` });
    this.state = { ...this.state, localPort: listening.value };
    this.serve(first.value);
    void this.keepCurrent(first.value);
    return ok(this.state);
  }

  /** Closes the listener and every connection; the port is free once this returns. */
  stop(): void {
    if (this.state.phase === 'stopped') return;
    this.stopper.abort();
    this.server.close();
    for (const socket of this.sockets) socket.destroy();
    for (const wake of this.waiters) wake();
    clearTimeout(this.bytesTimer);
    this.deps.client.dispose();
    this.update({ phase: 'stopped', openConnections: 0 });
  }

  private update(change: Partial<ForwardState>): void {
    this.state = { ...this.state, ...change };
    this.deps.changed(this.state);
  }

  private serve(resolved: ResolvedTarget): void {
    this.current = resolved;
    this.backOff.reset();
    this.update({ phase: 'active', pod: resolved.pod, podPort: resolved.port, message: undefined });
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private async keepCurrent(first: ResolvedTarget): Promise<void> {
    const signal = this.stopper.signal;
    const { target, remotePort } = this.state.spec;
    let resolved = first;
    while (!signal.aborted) {
      this.kick = new AbortController();
      await podGone(this.deps.client, { namespace: target.namespace, pod: resolved.pod, resourceVersion: resolved.resourceVersion, needsReady: target.kind !== 'Pod' }, AbortSignal.any([signal, this.kick.signal]));
      if (signal.aborted) return;
      this.current = undefined;
      this.update({ phase: 'reconnecting', reconnects: this.state.reconnects + 1, message: `pod ${resolved.pod} stopped serving: looking for ${target.kind === 'Pod' ? 'it again' : 'another ready pod'}` });
      for (let next = await resolveTarget(this.deps.client, target, remotePort); !signal.aborted; next = await resolveTarget(this.deps.client, target, remotePort)) {
        if (next.ok) {
          resolved = next.value;
          this.serve(resolved);
          break;
        }
        this.update({ message: next.error.message });
        await this.backOff.wait(next.error.kind === 'notFound' ? { ...next.error, retryAfterSeconds: NO_POD_RETRY_SECONDS } : next.error, signal);
      }
    }
  }

  /** The pod serving now, waiting up to WAIT_FOR_POD_MS while the forward reconnects. */
  private async servingPod(): Promise<ResolvedTarget | undefined> {
    if (this.current !== undefined || this.stopper.signal.aborted) return this.current;
    const waited = new AbortController();
    const wake = (): void => waited.abort();
    this.waiters.add(wake);
    await abortableSleep(WAIT_FOR_POD_MS, waited.signal);
    this.waiters.delete(wake);
    return this.current;
  }

  private async accept(socket: Socket): Promise<void> {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    this.update({ openConnections: this.state.openConnections + 1, totalConnections: this.state.totalConnections + 1 });
    const resolved = await this.servingPod();
    const { context, target } = this.state.spec;
    const outcome = resolved === undefined ? undefined : await carry(this.forwarder, { context, namespace: target.namespace, pod: resolved.pod, port: resolved.port }, socket, { received: (bytes) => this.count('bytesIn', bytes), sent: (bytes) => this.count('bytesOut', bytes) });
    socket.destroy();
    if (this.state.phase === 'stopped') return;
    const failure = outcome !== undefined && !outcome.ok ? outcome.error : undefined;
    this.update({ openConnections: this.state.openConnections - 1, ...(failure === undefined ? {} : { message: failure.message }) });
    // The upgrade found no running pod before the watch said so: look for the next one now.
    if (failure?.kind === 'notFound' && this.current === resolved) this.kick?.abort();
  }

  private count(field: 'bytesIn' | 'bytesOut', bytes: number): void {
    this.state = { ...this.state, [field]: this.state[field] + bytes };
    if (this.bytesTimer !== undefined) return;
    this.bytesTimer = setTimeout(() => {
      this.bytesTimer = undefined;
      if (this.state.phase !== 'stopped') this.deps.changed(this.state);
    }, BYTES_EVENT_MS);
    this.bytesTimer.unref();
  }
}
