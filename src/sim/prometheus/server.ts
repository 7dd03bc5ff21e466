/**
 * A plain-HTTP listener speaking the subset of Prometheus' HTTP API that a usage-history client
 * needs: /api/v1/query_range over the synthetic usage, buildinfo and /-/ready to check it is there.
 * No authentication: it listens on 127.0.0.1 only and serves numbers the sim makes up.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readBody, write } from '../http-io.ts';
import type { Pod } from '../objects.ts';
import { matrixSeries } from './matrix.ts';
import { rangeQueryFrom } from './range-params.ts';

export interface PrometheusSource {
  /** Every pod in the store now. */
  readonly pods: () => Iterable<Pod>;
  /** The sim's clock, in milliseconds. */
  readonly now: () => number;
}

/** The release whose API responses this subset copies. */
const buildInfo = { version: '2.53.0', revision: 'kube-workbench-sim', branch: '', buildUser: '', buildDate: '', goVersion: '' };

function sendJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function badData(response: ServerResponse, message: string): void {
  sendJson(response, 400, { status: 'error', errorType: 'bad_data', error: message });
}

/** GET parameters and, for POST, the form body's, as Prometheus' r.FormValue reads both. */
async function parameters(request: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams);
  if (request.method !== 'POST') return params;
  for (const [key, value] of new URLSearchParams((await readBody(request)).toString('utf8'))) params.append(key, value);
  return params;
}

async function queryRange(request: IncomingMessage, response: ServerResponse, url: URL, source: PrometheusSource): Promise<void> {
  const parsed = rangeQueryFrom(await parameters(request, url));
  if (!parsed.ok) return badData(response, parsed.error);
  response.writeHead(200, { 'Content-Type': 'application/json' });
  // Streamed series by series: eight days of a big cluster is tens of megabytes.
  await write(response, '{"status":"success","data":{"resultType":"matrix","result":[');
  let first = true;
  for (const series of matrixSeries(source.pods(), parsed.value.query, { ...parsed.value.range, nowMs: source.now() })) {
    if (response.destroyed) return;
    await write(response, first ? series : `,${series}`);
    first = false;
  }
  response.end(']}}');
}

async function handle(request: IncomingMessage, response: ServerResponse, source: PrometheusSource): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const readOnly = request.method === 'GET' || request.method === 'HEAD';
  if (url.pathname === '/api/v1/query_range' && (readOnly || request.method === 'POST')) return queryRange(request, response, url, source);
  if (url.pathname === '/api/v1/status/buildinfo' && readOnly) return sendJson(response, 200, { status: 'success', data: buildInfo });
  if (url.pathname === '/-/ready' && readOnly) {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void response.end('Prometheus Server is Ready.\n');
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('404 page not found\n');
}

export function createPrometheusServer(source: PrometheusSource): Server {
  return createServer((request, response) => {
    handle(request, response, source).catch((error: unknown) => {
      // A body over the limit, or a bug: answered once, never a crash.
      if (response.headersSent) response.destroy();
      else sendJson(response, 500, { status: 'error', errorType: 'internal', error: error instanceof Error ? error.message : String(error) });
    });
  });
}
