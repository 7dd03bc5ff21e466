// One POST /api/v1/query_range to Prometheus, its failures as UsageInputError. Messages name the
// server as host:port plus any path prefix, never the URL's credentials, the token or the query.
import { err, ok, type Result } from '../../core/result.ts';
import { leadingText } from '../leading-text.ts';
import type { UsageInputError } from './usage-types.ts';

const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface PrometheusEndpoint {
  /** The API root with credentials removed (a path prefix such as /prometheus kept). */
  readonly base: URL;
  /** host:port and the path prefix, for messages. */
  readonly name: string;
  readonly headers: Readonly<Record<string, string>>;
}

const defaultPorts: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/** Credentials in the URL (http://user:pass@host) become a Basic header: fetch refuses URLs that carry them. */
export function prometheusEndpoint(url: string, bearerToken: string | undefined): Result<PrometheusEndpoint, UsageInputError> {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    return err({ kind: 'unreachable', message: 'the Prometheus URL is not a valid URL' });
  }
  if (defaultPorts[base.protocol] === undefined) return err({ kind: 'unreachable', message: `the Prometheus URL must be http or https, not ${base.protocol.replace(':', '')}` });
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
  if (bearerToken !== undefined) headers['Authorization'] = `Bearer ${bearerToken}`;
  else if (base.username !== '') {
    const user = `${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`;
    headers['Authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  base.username = '';
  base.password = '';
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const prefix = base.pathname === '/' ? '' : base.pathname.replace(/\/$/, '');
  return ok({ base, name: `${base.hostname}:${base.port || defaultPorts[base.protocol]}${prefix}`, headers });
}

export interface RangeParams {
  readonly query: string;
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly stepSeconds: number;
}

function causeCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
}

/** Prometheus' error body ({"status":"error","errorType":..,"error":..}) as one line, if it is one. */
function errorBody(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { errorType?: unknown; error?: unknown };
    if (typeof body.error === 'string') return `${typeof body.errorType === 'string' ? `${body.errorType}: ` : ''}${body.error}`.replace(/\s+/g, ' ');
  } catch {
    // Not JSON: a proxy's HTML page, say; the status alone is reported.
  }
  return undefined;
}

function httpError(endpoint: PrometheusEndpoint, status: number, text: string): UsageInputError {
  const detail = errorBody(text);
  if (status === 401 || status === 403) return { kind: 'forbidden', message: `Prometheus at ${endpoint.name} refused the request (HTTP ${status})${detail === undefined ? '' : `: ${detail}`}` };
  if (status === 404) return { kind: 'not-installed', message: `no Prometheus API at ${endpoint.name} (HTTP 404 for api/v1/query_range)` };
  if ((status === 400 || status === 422) && detail !== undefined) return { kind: 'query', message: `Prometheus at ${endpoint.name} rejected the query: ${detail}` };
  return { kind: 'http', message: `Prometheus at ${endpoint.name} answered HTTP ${status}${detail === undefined ? '' : `: ${detail}`}` };
}

/** The parsed JSON body of a successful answer, or why there is none. */
export async function queryRange(endpoint: PrometheusEndpoint, params: RangeParams, signal: AbortSignal): Promise<Result<unknown, UsageInputError>> {
  const body = new URLSearchParams({ query: params.query, start: String(params.startSeconds), end: String(params.endSeconds), step: String(params.stepSeconds) });
  let response: Response;
  try {
    response = await fetch(new URL('api/v1/query_range', endpoint.base), { method: 'POST', headers: endpoint.headers, body, signal });
  } catch (error) {
    if (signal.aborted) return err({ kind: 'unreachable', message: `loading from Prometheus at ${endpoint.name} was cancelled` });
    return err({ kind: 'unreachable', message: `Prometheus at ${endpoint.name} is unreachable: ${causeCode(error)}` });
  }
  let text: string;
  try {
    // An error answer is a line of JSON or a proxy's page: only its start is read.
    text = response.ok ? await response.text() : await leadingText(response.body, MAX_ERROR_BODY_BYTES);
  } catch (error) {
    if (signal.aborted) return err({ kind: 'unreachable', message: `loading from Prometheus at ${endpoint.name} was cancelled` });
    return err({ kind: 'unreachable', message: `Prometheus at ${endpoint.name} broke off its answer: ${causeCode(error)}` });
  }
  if (!response.ok) return err(httpError(endpoint, response.status, text));
  try {
    return ok(JSON.parse(text));
  } catch {
    return err({ kind: 'bad-response', message: `Prometheus at ${endpoint.name} answered with something that is not JSON` });
  }
}
