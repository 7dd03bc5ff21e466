/**
 * A plain-HTTP listener speaking the subset of Prometheus' HTTP API that a usage-history client
 * needs: /api/v1/query_range over the synthetic usage, buildinfo and /-/ready to check it is there.
 *
 * No token, unlike the Kubernetes API: the extension reaches Prometheus through one setting,
 * `kubeWorkbench.allocator.prometheusUrl`, so a token would have to live in that URL, that is in
 * settings.json (synced by Settings Sync) and in `kube-workbench sim`'s output. What an unauthenticated
 * caller gets is bounded instead: it listens on 127.0.0.1 only, serves made-up numbers and pod names
 * (no Secret, no write), and cannot make the sim slow: regexes match in linear time
 * (label-regex.ts), evaluation is paced, time-limited and a few queries at a time, bodies and
 * connections are capped.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readBody, write } from '../http-io.ts';
import type { Pod } from '../objects.ts';
import { pacer } from '../pacer.ts';
import { ApiError } from '../status.ts';
import { aggregated, pointsPerSeries, selectSeries, seriesJson } from './matrix.ts';
import { QuerySlots } from './query-slots.ts';
import { rangeQueryFrom, type RangeQuery } from './range-params.ts';

export interface PrometheusSource {
  /** Every pod in the store now. */
  readonly pods: () => Iterable<Pod>;
  /** The sim's clock, in milliseconds. */
  readonly now: () => number;
  /** Whether the owner recording rule has the pods of a namespace (every namespace when absent). */
  readonly ownerRule?: (namespace: string) => boolean;
}

/** The release whose API responses this subset copies. */
const buildInfo = { version: '2.53.0', revision: 'kube-workbench-sim', branch: '', buildUser: '', buildDate: '', goVersion: '' };

/** Prometheus' --query.max-samples default: a query that would load more is refused before any work. */
const maxSamples = 50_000_000;
/**
 * Prometheus' --query.timeout is 2 minutes. A query over the synthetic data takes milliseconds for a
 * demo, but selecting the 50,000 pods of a namespace of a 150,000-pod sim shares the event loop with
 * 500 Lease renewals a second: a minute still stops a hostile query early.
 */
const queryTimeoutMs = 60_000;
/** Queries evaluated at once (Prometheus: 20); with pacing, each adds at most one slice to another request's wait. */
const concurrentQueries = 4;
/** The loader's form is a few hundred bytes, a GET's query string at most 16 KiB (Node's header limit). */
export const maxFormBytes = 64 * 1024;
/** Open connections: the loader uses one or two; a flood of idle ones cannot hold memory. */
export const maxConnections = 64;

function sendJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function failure(response: ServerResponse, code: number, errorType: string, message: string): void {
  sendJson(response, code, { status: 'error', errorType, error: message });
}

/** GET parameters and, for POST, the form body's, as Prometheus' r.FormValue reads both. */
async function parameters(request: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams);
  if (request.method !== 'POST') return params;
  for (const [key, value] of new URLSearchParams((await readBody(request, maxFormBytes)).toString('utf8'))) params.append(key, value);
  return params;
}

async function evaluate(response: ServerResponse, { query, range: asked }: RangeQuery, source: PrometheusSource): Promise<void> {
  if (response.destroyed) return;
  const range = { ...asked, nowMs: source.now() };
  const selected = await selectSeries(source.pods(), query, performance.now() + queryTimeoutMs, source.ownerRule);
  if (selected === undefined) return failure(response, 503, 'timeout', 'query timed out in expression evaluation');
  if (selected.length * pointsPerSeries(range) > maxSamples) {
    return failure(response, 422, 'execution', 'query processing would load too many samples into memory in query execution');
  }
  response.writeHead(200, { 'Content-Type': 'application/json' });
  // Streamed series by series: eight days of a big cluster is tens of megabytes.
  await write(response, '{"status":"success","data":{"resultType":"matrix","result":[');
  const pause = pacer();
  let first = true;
  for (const series of aggregated(selected, query)) {
    const text = seriesJson(series.labels, series.at, range);
    if (text === undefined) continue;
    await (write(response, first ? text : `,${text}`) ?? pause());
    if (response.destroyed) return;
    first = false;
  }
  response.end(']}}');
}

async function handle(request: IncomingMessage, response: ServerResponse, source: PrometheusSource, slots: QuerySlots): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const readOnly = request.method === 'GET' || request.method === 'HEAD';
  if (url.pathname === '/api/v1/query_range' && (readOnly || request.method === 'POST')) {
    const parsed = rangeQueryFrom(await parameters(request, url));
    if (!parsed.ok) return failure(response, 400, 'bad_data', parsed.error);
    return slots.run(() => evaluate(response, parsed.value, source));
  }
  if (url.pathname === '/api/v1/status/buildinfo' && readOnly) return sendJson(response, 200, { status: 'success', data: buildInfo });
  if (url.pathname === '/-/ready' && readOnly) {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void response.end('Prometheus Server is Ready.\n');
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('404 page not found\n');
}

export function createPrometheusServer(source: PrometheusSource): Server {
  const slots = new QuerySlots(concurrentQueries);
  // A client gets 30 s to send its request, so slow senders cannot keep the connections taken.
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (request, response) => {
    request.on('error', () => response.destroy());
    response.on('error', () => undefined);
    handle(request, response, source, slots).catch((error: unknown) => {
      // A body over the limit, or a bug: answered once, never a crash.
      if (response.headersSent) response.destroy();
      else if (error instanceof ApiError && error.code === 413) failure(response, 413, 'bad_data', error.message);
      else failure(response, 500, 'internal', error instanceof Error ? error.message : String(error));
    });
  });
  server.maxConnections = maxConnections;
  return server;
}
