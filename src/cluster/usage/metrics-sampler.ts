// Samples metrics.k8s.io PodMetrics (what metrics-server last scraped) into a context's usage
// history once per interval while connected: one sample per pod container per tick, as the VPA's
// recommender does. Failures become a result for the status line, never an exception or a log line
// per tick; the next tick simply tries again.
import { parseQuantity, toNumber } from '../../core/allocator/quantity.ts';
import { array, record, text, timestamp } from '../../core/cluster/object-fields.ts';
import type { SlimPod } from '../../core/cluster/pod-model.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { ClusterConnection } from '../cluster-connection.ts';
import type { ClusterError } from '../cluster-error.ts';
import type { Disposable } from '../disposable.ts';
import { collectionPath, KINDS } from '../kinds.ts';
import { podWorkload } from './pod-workload.ts';
import type { UsageHistory } from './usage-history.ts';
import type { ContainerSeriesKey, UsageInputError } from './usage-types.ts';

// The VPA recommender's default --recommender-interval, and metrics-server's usual resolution.
export const DEFAULT_SAMPLE_INTERVAL_MS = 60_000;

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface SampleSummary {
  readonly pods: number;
  readonly containers: number;
  /** The newest metrics timestamp seen. */
  readonly lastSampleMs: number | undefined;
}

export interface MetricsSamplerOptions {
  readonly connection: ClusterConnection;
  readonly history: UsageHistory;
  readonly intervalMs?: number;
  readonly timers?: Timers;
  /** For items without a timestamp. */
  readonly now: () => number;
  /** After every tick, with what it took in or why it failed. */
  readonly onSampled: (result: Result<SampleSummary, UsageInputError>) => void;
}

function amount(value: unknown): number {
  const parsed = parseQuantity(text(value));
  return parsed.ok ? toNumber(parsed.quantity) : Number.NaN;
}

/** What a failed list of pod metrics means for the user. */
export function metricsError(context: string, error: ClusterError): UsageInputError {
  if (error.code === 404 || error.code === 503) {
    return { kind: 'not-installed', message: `metrics API not installed in context "${context}" (metrics.k8s.io answered ${error.code}): no live usage` };
  }
  if (error.kind === 'forbidden') return { kind: 'forbidden', message: `metrics API: ${error.message}` };
  if (error.kind === 'unreachable' || error.kind === 'tls' || error.kind === 'timeout') return { kind: 'unreachable', message: error.message };
  return { kind: 'http', message: `metrics API: ${error.message}` };
}

/**
 * The container's OOM kill its pod shows (lastState.terminated.reason OOMKilled), at the kill's own
 * time, as the VPA's OOM observer records it; seen again at every tick, recorded once by the history.
 */
function recordOomKills(history: UsageHistory, key: ContainerSeriesKey, kills: SlimPod['oomKills'], memoryNow: number): void {
  for (const kill of kills ?? []) {
    const finishedMs = timestamp(kill.finishedAt);
    if (kill.container !== key.container || finishedMs === undefined) continue;
    history.addOom(key, finishedMs, kill.memoryBytes ?? memoryNow);
  }
}

export class MetricsSampler implements Disposable {
  private readonly options: MetricsSamplerOptions;
  private handle: unknown;
  private running: Promise<void> | undefined;
  /** Aborted by dispose(): a list still waiting for the server is cancelled. */
  private readonly aborter = new AbortController();

  constructor(options: MetricsSamplerOptions) {
    this.options = options;
  }

  /** Samples now, then every interval. */
  start(): void {
    if (this.handle !== undefined || this.disposed) return;
    const timers = this.options.timers ?? realTimers;
    this.handle = timers.setInterval(() => void this.tick(), this.options.intervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS);
    void this.tick();
  }

  /** One sample; a tick that comes while the previous one still waits for the server is skipped. */
  tick(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  private async run(): Promise<void> {
    let result: Result<SampleSummary, UsageInputError>;
    try {
      result = await this.sample();
    } finally {
      // Cleared before the listeners hear of it, so a tick they start is not taken for an overlap.
      this.running = undefined;
    }
    if (!this.disposed) this.options.onSampled(result);
  }

  private async sample(): Promise<Result<SampleSummary, UsageInputError>> {
    const { connection, history, now } = this.options;
    const namespace = connection.narrowedTo('pods');
    const answer = await connection.client.request(collectionPath(KINDS.PodMetrics, namespace), { verb: 'list', resource: 'pod metrics', signal: this.aborter.signal });
    if (!answer.ok) return err(metricsError(connection.context, answer.error));
    if (this.disposed) return ok({ pods: 0, containers: 0, lastSampleMs: undefined });
    let containers = 0;
    let lastSampleMs: number | undefined;
    const items = array(record(answer.value)['items']);
    for (const item of items) {
      const metrics = record(item);
      const meta = record(metrics['metadata']);
      const podNamespace = text(meta['namespace']);
      const pod = text(meta['name']);
      const timeMs = timestamp(metrics['timestamp']) ?? now();
      const workload = podWorkload(connection, podNamespace, pod);
      const cached = connection.pods.get(podNamespace, pod);
      const startedAtMs = timestamp(cached?.startedAt);
      for (const container of array(metrics['containers'])) {
        const { name, usage } = record(container);
        const amounts = record(usage);
        const key = { namespace: podNamespace, pod, container: text(name), workload, ...(startedAtMs === undefined ? {} : { startedAtMs }) };
        const memory = amount(amounts['memory']);
        history.addSample(key, timeMs, amount(amounts['cpu']), memory);
        recordOomKills(history, key, cached?.oomKills, memory);
        containers += 1;
      }
      if (lastSampleMs === undefined || timeMs > lastSampleMs) lastSampleMs = timeMs;
    }
    return ok({ pods: items.length, containers, lastSampleMs });
  }

  private get disposed(): boolean {
    return this.aborter.signal.aborted;
  }

  dispose(): void {
    this.aborter.abort();
    if (this.handle !== undefined) (this.options.timers ?? realTimers).clearInterval(this.handle);
    this.handle = undefined;
  }
}
