// Usage history from Prometheus, as the VPA's history provider reads it, so recommendations come on
// the first day instead of after eight: range queries over the last `days`, a day per request so no
// series exceeds Prometheus' 11,000 points, the answers merged per container and pushed to the sink.
import { err, ok } from '../../core/result.ts';
import { MatrixCollector } from './prometheus-matrix.ts';
import { usageQueries, workloadQueries } from './prometheus-queries.ts';
import { prometheusEndpoint, queryRange } from './prometheus-request.ts';
import type { HistoryLoader } from './usage-types.ts';

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
}

const daySeconds = 86_400;
/**
 * A whole cluster by workload is asked for six hours at a time: a namespace of thousands of workload
 * containers answers tens of megabytes a day, and only one answer (and the next in flight) is held.
 */
export const WORKLOAD_CHUNK_SECONDS = 6 * 3600;
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

export function prometheusHistoryLoader(options: PrometheusHistoryOptions): HistoryLoader {
  const stepSeconds = options.stepSeconds ?? 300;
  const queries = options.byWorkload === true ? workloadQueries(options.namespace) : usageQueries(options.namespace);
  return async (sink, signal) => {
    const endpoint = prometheusEndpoint(options.url, options.bearerToken);
    if (!endpoint.ok) return endpoint;
    const ranges = chunkRanges(options.nowMs, options.days ?? 8, stepSeconds, options.byWorkload === true ? WORKLOAD_CHUNK_SECONDS : daySeconds);
    const resources = ['cpu', 'memory', 'oom-events', 'oom-reason'] as const;
    const requests = ranges.flatMap((chunk) => resources.map((resource) => ({ resource, params: { query: queries[resource], stepSeconds, ...chunk } })));
    // A whole cluster by workload is pushed a chunk at a time, so only one chunk of a namespace is
    // held; per pod (the editor's one context) the days of a container are merged first, then pushed once.
    const chunkByChunk = options.byWorkload === true;
    const collector = new MatrixCollector((ranges[0]?.startSeconds ?? 0) * 1000, stepSeconds * 1000, options.byWorkload === true ? 'workload' : 'pod');
    const pushed = { series: 0, samples: 0 };
    const drain = (): void => {
      const summary = collector.drain(sink, stepSeconds / 60);
      pushed.series += summary.series;
      pushed.samples += summary.samples;
    };
    // One request ahead while the previous answer is parsed; aborted with the rest when loading stops early.
    const stop = new AbortController();
    const both = AbortSignal.any([signal, stop.signal]);
    const send = (index: number) => {
      const request = requests[index];
      return request === undefined ? undefined : queryRange(endpoint.value, request.params, both);
    };
    try {
      let pending = send(0);
      for (let index = 0; pending !== undefined; index += 1) {
        const answer = await pending;
        pending = answer.ok ? send(index + 1) : undefined;
        if (!answer.ok) return answer;
        const added = collector.add(answer.value, requests[index]?.resource ?? 'cpu');
        if (!added.ok) return err({ kind: 'bad-response', message: `Prometheus at ${endpoint.value.name}: ${added.error}` });
        options.onProgress?.(index + 1, requests.length);
        if (chunkByChunk && (index + 1) % resources.length === 0) drain();
      }
    } finally {
      stop.abort();
    }
    if (signal.aborted) return err({ kind: 'unreachable', message: `loading from Prometheus at ${endpoint.value.name} was cancelled` });
    drain();
    return ok(pushed);
  };
}
