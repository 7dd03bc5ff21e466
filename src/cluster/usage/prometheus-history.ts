// Usage history from Prometheus, as the VPA's history provider reads it, so recommendations come on
// the first day instead of after eight: range queries over the last `days`, a day per request so no
// series exceeds Prometheus' 11,000 points, the answers merged per container and pushed to the sink.
// Aggregated by workload (a whole cluster), a namespace without the owner recording rule is read per
// pod instead, when it has few enough pods.
import { err, ok, type Result } from '../../core/result.ts';
import { MatrixCollector } from './prometheus-matrix.ts';
import { OWNER_RULE, usageQueries, workloadQueries, type UsageQueries } from './prometheus-queries.ts';
import { prometheusEndpoint, queryRange, type PrometheusEndpoint } from './prometheus-request.ts';
import type { HistoryLoader, HistoryLoadSummary, UsageInputError } from './usage-types.ts';

export interface PrometheusHistoryOptions {
  /** The server's root, e.g. http://prometheus:9090 or http://host/prometheus. */
  readonly url: string;
  readonly nowMs: number;
  readonly days?: number;
  readonly stepSeconds?: number;
  /** Only this namespace; every namespace when omitted. */
  readonly namespace?: string;
  readonly bearerToken?: string;
  /**
   * Ask Prometheus to aggregate by workload (through kube-prometheus' owner recording rule): one
   * series per workload container instead of one per pod; the sink then gets the workload as the pod.
   */
  readonly byWorkload?: boolean;
  /** After each answer, for a progress line: requests done and in all. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * With byWorkload, when Prometheus answers nothing by workload: called before the history is read
   * per pod instead, with why. At most `maxPodContainers` (default 5,000) are read that way.
   */
  readonly onPerPod?: (message: string) => void;
  readonly maxPodContainers?: number;
}

const daySeconds = 86_400;
/**
 * A whole cluster by workload is asked for six hours at a time: a namespace of thousands of workload
 * containers answers tens of megabytes a day, and only one answer (and the next in flight) is held.
 */
export const WORKLOAD_CHUNK_SECONDS = 6 * 3600;
/**
 * Pod containers a namespace without answers by workload may have and still be read one by one: a
 * six-hour answer of 5,000 series is ~10 MB; a namespace of 50,000 pods would hold hundreds.
 */
const MAX_POD_CONTAINERS = 5_000;
/** Prometheus refuses range queries of more points per series (its query resolution limit). */
const maxPointsPerQuery = 11_000;

/** [start, end] of each request over (now - days, now], on the step grid, so chunks neither overlap nor leave gaps. */
export function chunkRanges(nowMs: number, days: number, stepSeconds: number, chunkSeconds = daySeconds): { startSeconds: number; endSeconds: number }[] {
  const endSeconds = Math.floor(nowMs / 1000 / stepSeconds) * stepSeconds;
  const points = Math.max(1, Math.floor((days * daySeconds) / stepSeconds));
  const perChunk = Math.max(1, Math.min(maxPointsPerQuery, Math.floor(chunkSeconds / stepSeconds)));
  const startSeconds = endSeconds - (points - 1) * stepSeconds;
  const chunks: { startSeconds: number; endSeconds: number }[] = [];
  for (let first = 0; first < points; first += perChunk) {
    const last = Math.min(first + perChunk, points) - 1;
    chunks.push({ startSeconds: startSeconds + first * stepSeconds, endSeconds: startSeconds + last * stepSeconds });
  }
  return chunks;
}

type Sink = Parameters<HistoryLoader>[0];

/** One way of reading the history: the queries, the label telling containers apart, how it is chunked. */
interface Pass {
  readonly queries: UsageQueries;
  readonly seriesLabel: 'pod' | 'workload';
  readonly chunkSeconds: number;
  /** Pushed chunk by chunk (a whole cluster: one chunk of a namespace held), or merged per container first. */
  readonly chunkByChunk: boolean;
}

const RESOURCES = ['cpu', 'memory', 'oom-events', 'oom-reason'] as const;

/** Runs the pass's requests, one ahead while the previous answer is parsed; what was pushed is counted even on an error. */
async function runPass(endpoint: PrometheusEndpoint, pass: Pass, options: PrometheusHistoryOptions, sink: Sink, signal: AbortSignal): Promise<{ result: Result<HistoryLoadSummary, UsageInputError>; pushed: HistoryLoadSummary }> {
  const stepSeconds = options.stepSeconds ?? 300;
  const ranges = chunkRanges(options.nowMs, options.days ?? 8, stepSeconds, pass.chunkSeconds);
  const requests = ranges.flatMap((chunk) => RESOURCES.map((resource) => ({ resource, params: { query: pass.queries[resource], stepSeconds, ...chunk } })));
  const collector = new MatrixCollector((ranges[0]?.startSeconds ?? 0) * 1000, stepSeconds * 1000, pass.seriesLabel);
  const pushed = { series: 0, samples: 0 };
  const drain = (): void => {
    const summary = collector.drain(sink, stepSeconds / 60);
    pushed.series += summary.series;
    pushed.samples += summary.samples;
  };
  // Aborted with the rest when loading stops early.
  const stop = new AbortController();
  const both = AbortSignal.any([signal, stop.signal]);
  const send = (index: number) => {
    const request = requests[index];
    return request === undefined ? undefined : queryRange(endpoint, request.params, both);
  };
  try {
    let pending = send(0);
    for (let index = 0; pending !== undefined; index += 1) {
      const answer = await pending;
      pending = answer.ok ? send(index + 1) : undefined;
      if (!answer.ok) return { result: answer, pushed };
      const added = collector.add(answer.value, requests[index]?.resource ?? 'cpu');
      if (!added.ok) return { result: err({ kind: 'bad-response', message: `Prometheus at ${endpoint.name}: ${added.error}` }), pushed };
      options.onProgress?.(index + 1, requests.length);
      if (pass.chunkByChunk && (index + 1) % RESOURCES.length === 0) drain();
    }
  } finally {
    stop.abort();
  }
  if (signal.aborted) return { result: err({ kind: 'unreachable', message: `loading from Prometheus at ${endpoint.name} was cancelled` }), pushed };
  drain();
  return { result: ok(pushed), pushed };
}

/** The most pod containers with a working set at any one time of the window (summed over namespaces). */
async function podContainers(endpoint: PrometheusEndpoint, options: PrometheusHistoryOptions, signal: AbortSignal): Promise<Result<number, UsageInputError>> {
  const [first] = chunkRanges(options.nowMs, options.days ?? 8, WORKLOAD_CHUNK_SECONDS);
  const params = { query: `count by (namespace) (${usageQueries(options.namespace).memory})`, stepSeconds: WORKLOAD_CHUNK_SECONDS, startSeconds: first?.startSeconds ?? 0, endSeconds: Math.floor(options.nowMs / 1000) };
  const answer = await queryRange(endpoint, params, signal);
  if (!answer.ok) return answer;
  const sums = new Map<unknown, number>();
  const result = (answer.value as { data?: { result?: unknown } } | null)?.data?.result;
  for (const series of Array.isArray(result) ? (result as { values?: unknown }[]) : []) {
    for (const point of Array.isArray(series.values) ? (series.values as unknown[][]) : []) sums.set(point[0], (sums.get(point[0]) ?? 0) + (Number(point[1]) || 0));
  }
  let most = 0;
  for (const sum of sums.values()) most = Math.max(most, sum);
  return ok(most);
}

export function prometheusHistoryLoader(options: PrometheusHistoryOptions): HistoryLoader {
  const byWorkload = options.byWorkload === true;
  // A whole cluster by workload is pushed a chunk at a time, so only one chunk of a namespace is
  // held; per pod (the editor's one context) the days of a container are merged first, then pushed once.
  const pass: Pass = byWorkload
    ? { queries: workloadQueries(options.namespace), seriesLabel: 'workload', chunkSeconds: WORKLOAD_CHUNK_SECONDS, chunkByChunk: true }
    : { queries: usageQueries(options.namespace), seriesLabel: 'pod', chunkSeconds: daySeconds, chunkByChunk: false };
  return async (sink, signal) => {
    const endpoint = prometheusEndpoint(options.url, options.bearerToken);
    if (!endpoint.ok) return endpoint;
    const first = await runPass(endpoint.value, pass, options, sink, signal);
    // Nothing by workload (the owner rule missing) or the join refused (duplicate owner series): per pod,
    // when the pod containers are few enough to read one by one.
    const rejected = !first.result.ok && first.result.error.kind === 'query';
    if (!byWorkload || first.pushed.series > 0 || (!first.result.ok && !rejected)) return first.result;
    const counted = await podContainers(endpoint.value, options, signal);
    if (!counted.ok) return counted;
    if (counted.value === 0) return first.result;
    const where = options.namespace === undefined ? 'the cluster' : `namespace ${options.namespace}`;
    const max = options.maxPodContainers ?? MAX_POD_CONTAINERS;
    if (counted.value > max) {
      return err({ kind: 'query', message: `Prometheus at ${endpoint.value.name} has no usage of ${where} by workload (is kube-prometheus' ${OWNER_RULE} rule missing?) and ${counted.value} pod containers, more than the ${max} read one by one` });
    }
    options.onPerPod?.(`no usage of ${where} by workload (is kube-prometheus' ${OWNER_RULE} rule missing?): reading its ${counted.value} pod containers one by one`);
    const perPod: Pass = { queries: usageQueries(options.namespace), seriesLabel: 'pod', chunkSeconds: WORKLOAD_CHUNK_SECONDS, chunkByChunk: true };
    return (await runPass(endpoint.value, perPod, options, sink, signal)).result;
  };
}
