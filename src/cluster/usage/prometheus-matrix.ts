// Gathers the matrices of several range queries (one per day of history) into one time-ordered
// series per container and resource, then hands each to the sink once. Series of one container
// that Prometheus keeps apart (a restarted container gets a new cgroup id) are merged; where two
// overlap at the same instant the larger value is kept, as the scheduler would have to make room for it.
import { err, ok, type Result } from '../../core/result.ts';
import { oomKills } from './prometheus-oom.ts';
import type { ContainerSeriesKey, HistoryLoadSummary, UsageSeriesSink } from './usage-types.ts';

/** The usage pair, and the two OOM series (cAdvisor's counter, kube-state-metrics' last reason). */
export type Resource = 'cpu' | 'memory' | 'oom-events' | 'oom-reason';

interface Piece {
  readonly timesMs: Float64Array;
  readonly values: Float64Array;
}

interface Collected {
  readonly key: ContainerSeriesKey;
  readonly pieces: Record<Resource, Piece[]>;
}

function label(metric: unknown, name: string): string | undefined {
  const value = (metric as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** One series' `values` ([[unix seconds, "value"], ...]) as arrays; NaN and infinities (stale points) dropped. */
function piece(values: unknown): Piece | undefined {
  if (!Array.isArray(values)) return undefined;
  const timesMs = new Float64Array(values.length);
  const numbers = new Float64Array(values.length);
  let count = 0;
  for (const point of values as unknown[]) {
    if (!Array.isArray(point) || typeof point[0] !== 'number' || typeof point[1] !== 'string') return undefined;
    const value = Number(point[1]);
    if (!Number.isFinite(value)) continue;
    timesMs[count] = Math.round(point[0] * 1000);
    numbers[count] = value;
    count += 1;
  }
  return { timesMs: timesMs.subarray(0, count), values: numbers.subarray(0, count) };
}

/** The pieces in one pair of arrays, sorted by time, one value per instant. */
function merge(pieces: readonly Piece[]): Piece {
  const total = pieces.reduce((sum, part) => sum + part.timesMs.length, 0);
  const timesMs = new Float64Array(total);
  const values = new Float64Array(total);
  let offset = 0;
  let ordered = true;
  for (const part of pieces) {
    if (offset > 0 && part.timesMs.length > 0 && (part.timesMs[0] ?? 0) <= (timesMs[offset - 1] ?? 0)) ordered = false;
    timesMs.set(part.timesMs, offset);
    values.set(part.values, offset);
    offset += part.timesMs.length;
  }
  if (ordered) return { timesMs, values };
  const order = Array.from({ length: total }, (_, index) => index).sort((a, b) => (timesMs[a] ?? 0) - (timesMs[b] ?? 0));
  const sortedTimes = new Float64Array(total);
  const sortedValues = new Float64Array(total);
  let count = 0;
  for (const index of order) {
    const time = timesMs[index] ?? 0;
    const value = values[index] ?? 0;
    if (count > 0 && sortedTimes[count - 1] === time) sortedValues[count - 1] = Math.max(sortedValues[count - 1] ?? 0, value);
    else {
      sortedTimes[count] = time;
      sortedValues[count] = value;
      count += 1;
    }
  }
  return { timesMs: sortedTimes.subarray(0, count), values: sortedValues.subarray(0, count) };
}

export class MatrixCollector {
  private readonly collected = new Map<string, Collected>();
  /** Containers drained before (an earlier day): their next day is no start. */
  private readonly seen = new Set<string>();
  /** The first instant of the range asked for: a series starting later began inside it. */
  private readonly firstMs: number;
  private readonly stepMs: number;

  /** The label that tells the series of one container apart: `pod`, or `workload` for answers aggregated by workload. */
  private readonly seriesLabel: 'pod' | 'workload';

  constructor(firstMs = Number.NEGATIVE_INFINITY, stepMs = 0, seriesLabel: 'pod' | 'workload' = 'pod') {
    this.firstMs = firstMs;
    this.stepMs = stepMs;
    this.seriesLabel = seriesLabel;
  }

  /** Adds one query_range answer; an error says what in it is not a matrix. */
  add(body: unknown, resource: Resource): Result<void, string> {
    const answer = body as { status?: unknown; data?: { resultType?: unknown; result?: unknown } } | null;
    if (answer?.status !== 'success') return err('the answer is not a success');
    if (answer.data?.resultType !== 'matrix' || !Array.isArray(answer.data.result)) return err('the answer holds no matrix');
    for (const series of answer.data.result as unknown[]) {
      const metric = (series as { metric?: unknown } | null)?.metric;
      const namespace = label(metric, 'namespace');
      const pod = label(metric, this.seriesLabel);
      const container = label(metric, 'container');
      // Without all three labels a series cannot be told apart from the others.
      if (namespace === undefined || pod === undefined || container === undefined) continue;
      const part = piece((series as { values?: unknown }).values);
      if (part === undefined) return err(`a series of ${namespace}/${pod}/${container} has malformed values`);
      const id = `${namespace}\u0000${pod}\u0000${container}`;
      let entry = this.collected.get(id);
      if (entry === undefined) {
        const key = this.seriesLabel === 'pod' ? { namespace, pod, container } : { namespace, pod, container, workload: pod };
        entry = { key, pieces: { cpu: [], memory: [], 'oom-events': [], 'oom-reason': [] } };
        this.collected.set(id, entry);
      }
      entry.pieces[resource].push(part);
    }
    return ok(undefined);
  }

  /**
   * Pushes every series to the sink, each once and in time order, then the container's OOM kills.
   * A container whose series begins after the range's first step started then: its key says so.
   */
  drain(sink: UsageSeriesSink, sampleMinutes: number): HistoryLoadSummary {
    let series = 0;
    let samples = 0;
    for (const [id, { key, pieces }] of this.collected) {
      const merged = { cpu: merge(pieces.cpu), memory: merge(pieces.memory) };
      const firstSeenMs = Math.min(merged.cpu.timesMs[0] ?? Infinity, merged.memory.timesMs[0] ?? Infinity);
      const isNew = !this.seen.has(id);
      this.seen.add(id);
      const started = isNew && firstSeenMs > this.firstMs + this.stepMs && Number.isFinite(firstSeenMs) ? { ...key, startedAtMs: firstSeenMs } : key;
      for (const resource of ['cpu', 'memory'] as const) {
        const { timesMs, values } = merged[resource];
        if (timesMs.length === 0) continue;
        sink(started, resource, timesMs, values, sampleMinutes);
        series += 1;
        samples += timesMs.length;
      }
      const counter = pieces['oom-events'].length === 0 ? undefined : merge(pieces['oom-events']);
      const reason = pieces['oom-reason'].length === 0 ? undefined : merge(pieces['oom-reason']);
      const kills = oomKills(counter, reason, merged.memory, this.firstMs);
      if (kills !== undefined) sink(started, 'oom', kills.timesMs, kills.memoryBytes, sampleMinutes);
    }
    this.collected.clear();
    return { series, samples };
  }
}
