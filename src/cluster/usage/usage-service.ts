// Usage history per connected context, for the editor: the stored history is read first, then a
// history source (Prometheus) if configured, then the metrics API is sampled every interval. The
// history is written back every few minutes, on detach and on dispose. Readers get plain data and
// one change event per tick or load.
import { Emitter, type Disposable } from '../disposable.ts';
import type { ClusterConnection } from '../cluster-connection.ts';
import type { Result } from '../../core/result.ts';
import type { ClusterError } from '../cluster-error.ts';
import { recommenderOptions, type RecommenderKnobs } from '../../core/allocator/recommender-options.ts';
import { loadAutoscalers, type ClusterAutoscalers } from './autoscalers.ts';
import { MetricsSampler, realTimers, type Timers } from './metrics-sampler.ts';
import { DEFAULT_MAX_CONTAINERS, UsageHistory } from './usage-history.ts';
import { UsageStore } from './usage-store.ts';
import type { HistoryLoader, UsageSourcePhase, UsageStatus, WorkloadContainerUsage } from './usage-types.ts';

// Often enough that a crash loses little, rarely enough that writing megabytes stays unnoticed.
const FLUSH_INTERVAL_MS = 5 * 60_000;
// HPAs and VPAs change rarely; their recommendations move within hours.
const AUTOSCALERS_TTL_MS = 5 * 60_000;

export interface UsageServiceOptions {
  /** Where the histories are kept (the extension's global storage); undefined keeps them in memory only. */
  readonly storageDir: string | undefined;
  readonly sampleIntervalMs?: number;
  /** The history source of a context, if one is configured. */
  readonly historyLoader?: (context: string) => HistoryLoader | undefined;
  readonly now?: () => number;
  /** Sampling and flushing timers (tests fire them by hand). */
  readonly timers?: Timers;
  readonly maxContainers?: number;
  /** The recommender's minimums, margin and start-up window (the VPA's defaults when absent); read on attach and reconfigure(). */
  readonly recommender?: () => RecommenderKnobs;
}

type SourceStatus = { phase: UsageSourcePhase; message?: string; lastSampleMs?: number; series?: number; containers?: number };

interface Attached {
  connection: ClusterConnection;
  readonly history: UsageHistory;
  readonly store: UsageStore | undefined;
  readonly aborter: AbortController;
  ready: Promise<void>;
  sampler: MetricsSampler | undefined;
  metrics: SourceStatus;
  prometheus: SourceStatus;
  storage: SourceStatus;
  autoscalers?: { readonly atMs: number; readonly loaded: Promise<Result<ClusterAutoscalers, ClusterError>> };
  /** The last list that succeeded, for readers that cannot wait (a hover). */
  lastAutoscalers?: ClusterAutoscalers;
}

export class UsageService implements Disposable {
  private readonly options: UsageServiceOptions;
  private readonly contexts = new Map<string, Attached>();
  private readonly changes = new Emitter<string>();
  /** The last write per store file: a detached context's write finishes before it is read again. */
  private readonly writes = new Map<string, Promise<void>>();
  private readonly now: () => number;
  private readonly timers: Timers;
  private flushTimer: unknown;
  private disposed = false;

  constructor(options: UsageServiceOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
  }

  /**
   * Starts collecting for the connection's context; resolves once stored and loaded history are in
   * and sampling runs. A new connection to an attached context (after a kubeconfig reload) takes
   * over the sampling and keeps the history.
   */
  attach(connection: ClusterConnection): Promise<void> {
    const existing = this.contexts.get(connection.context);
    if (existing !== undefined) {
      if (existing.connection !== connection) {
        existing.connection = connection;
        if (existing.sampler !== undefined) this.startSampler(existing);
      }
      return existing.ready;
    }
    if (this.disposed) return Promise.resolve();
    const { storageDir } = this.options;
    const store = storageDir === undefined ? undefined : new UsageStore(storageDir, connection.context, connection.server);
    const loader = this.options.historyLoader?.(connection.context);
    const attached: Attached = {
      connection,
      history: new UsageHistory(this.options.maxContainers ?? DEFAULT_MAX_CONTAINERS, recommenderOptions(this.options.recommender?.())),
      store,
      aborter: new AbortController(),
      ready: Promise.resolve(),
      sampler: undefined,
      metrics: { phase: 'loading' },
      prometheus: { phase: loader === undefined ? 'off' : 'loading' },
      storage: { phase: store === undefined ? 'off' : 'loading' },
    };
    this.contexts.set(connection.context, attached);
    attached.ready = this.load(attached, loader);
    this.flushTimer ??= this.timers.setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    return attached.ready;
  }

  /** Stops collecting for `context` and writes its history. */
  detach(context: string): Promise<void> {
    const attached = this.contexts.get(context);
    if (attached === undefined) return Promise.resolve();
    this.stop(attached);
    this.contexts.delete(context);
    return this.write(attached);
  }

  usage(context: string): WorkloadContainerUsage[] {
    return this.contexts.get(context)?.history.usage(this.now()) ?? [];
  }

  find(context: string, namespace: string, workload: string, container: string): WorkloadContainerUsage | undefined {
    return this.contexts.get(context)?.history.find(namespace, workload, container, this.now());
  }

  /** The context's HPAs and VPAs (undefined when not attached), listed on first ask and again after a few minutes. */
  autoscalers(context: string): Promise<Result<ClusterAutoscalers, ClusterError>> | undefined {
    const attached = this.contexts.get(context);
    if (attached === undefined) return undefined;
    const nowMs = this.now();
    if (attached.autoscalers === undefined || nowMs - attached.autoscalers.atMs > AUTOSCALERS_TTL_MS) {
      const { connection } = attached;
      const loaded = loadAutoscalers(connection.client, connection.narrowedTo('pods'), attached.aborter.signal).then((result) => {
        if (result.ok) attached.lastAutoscalers = result.value;
        return result;
      });
      attached.autoscalers = { atMs: nowMs, loaded };
    }
    return attached.autoscalers.loaded;
  }

  /** The autoscalers as last listed (undefined before the first list), asking for a fresher list when due. */
  autoscalersNow(context: string): ClusterAutoscalers | undefined {
    void this.autoscalers(context);
    return this.contexts.get(context)?.lastAutoscalers;
  }

  /** The recommender's options were changed: every context's recommendations follow, with a change event each. */
  reconfigure(): void {
    const options = recommenderOptions(this.options.recommender?.());
    for (const [context, attached] of this.contexts) {
      attached.history.configure(options);
      this.changes.fire(context);
    }
  }

  status(context: string): UsageStatus {
    const attached = this.contexts.get(context);
    if (attached === undefined) return { metrics: { phase: 'off' }, prometheus: { phase: 'off' }, store: { phase: 'off' } };
    return { metrics: { ...attached.metrics }, prometheus: { ...attached.prometheus }, store: { ...attached.storage } };
  }

  /** Fires with the context's name at most once per sampling tick and once per history load. */
  onDidChange(listener: (context: string) => void): Disposable {
    return this.changes.on(listener);
  }

  /** Writes every attached context's history now. */
  async flush(): Promise<void> {
    await Promise.all([...this.contexts.values()].map((attached) => this.write(attached)));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.flushTimer !== undefined) this.timers.clearInterval(this.flushTimer);
    for (const context of [...this.contexts.keys()]) void this.detach(context);
    this.changes.clear();
  }

  /** Resolves when every write started so far has finished (dispose writes without waiting). */
  async settled(): Promise<void> {
    await Promise.all(this.writes.values());
  }

  private async load(attached: Attached, loader: HistoryLoader | undefined): Promise<void> {
    const { history, store } = attached;
    const context = attached.connection.context;
    const current = (): boolean => this.contexts.get(context) === attached;
    if (store !== undefined) {
      await this.writes.get(store.path);
      const loaded = await store.load();
      if (!current()) return;
      const skipped = loaded.ok ? history.restore(loaded.value) : 0;
      if (!loaded.ok) attached.storage = { phase: 'error', message: loaded.error.message };
      else if (skipped > 0) attached.storage = { phase: 'error', message: `usage history of context "${context}": ${skipped} malformed containers skipped`, containers: history.size };
      else attached.storage = { phase: 'ready', containers: history.size };
      history.expire(this.now());
      this.changes.fire(context);
    }
    if (loader !== undefined) {
      const result = await loader(history.sink, attached.aborter.signal);
      if (!current()) return;
      attached.prometheus = result.ok ? { phase: 'ready', series: result.value.series } : { phase: 'error', message: result.error.message };
      history.expire(this.now());
      this.changes.fire(context);
    }
    if (current()) this.startSampler(attached);
  }

  private startSampler(attached: Attached): void {
    attached.sampler?.dispose();
    const { history } = attached;
    const context = attached.connection.context;
    const sampler = new MetricsSampler({
      connection: attached.connection,
      history,
      now: this.now,
      timers: this.timers,
      intervalMs: this.options.sampleIntervalMs,
      onSampled: (result) => {
        if (attached.sampler !== sampler) return;
        const { lastSampleMs } = result.ok ? result.value : attached.metrics;
        const known = lastSampleMs === undefined ? {} : { lastSampleMs };
        attached.metrics = result.ok ? { phase: 'ready', ...known } : { phase: 'error', message: result.error.message, ...known };
        history.expire(this.now());
        this.changes.fire(context);
      },
    });
    attached.sampler = sampler;
    sampler.start();
  }

  private stop(attached: Attached): void {
    attached.aborter.abort();
    attached.sampler?.dispose();
    attached.sampler = undefined;
  }

  private write(attached: Attached): Promise<void> {
    const { store, history } = attached;
    // Until the file was read, writing would replace the stored history with a partial one.
    if (store === undefined || attached.storage.phase === 'loading') return Promise.resolve();
    const previous = this.writes.get(store.path) ?? Promise.resolve();
    const next = previous.then(async () => {
      const saved = await store.save(history.checkpoint(), this.now());
      if (this.contexts.get(attached.connection.context) !== attached) return;
      attached.storage = saved.ok ? { phase: 'ready', containers: saved.value.containers } : { phase: 'error', message: saved.error.message };
    });
    this.writes.set(store.path, next);
    return next;
  }
}
