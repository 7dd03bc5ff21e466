// Every failure that leaves src/cluster is a ClusterError: a kind the UI can show as a state, and a
// message that names the context, verb and resource. Raw HTTP or socket errors never leave.
// Messages carry the server's Status message and our own words only, never request headers or
// kubeconfig contents, so no credential can reach a log or a label; URLs in them lose any user name
// and password, and a server's text is cut to one short line.
import { redactUrlCredentials } from '../core/text/url-credentials.ts';

export type ClusterErrorKind =
  | 'kubeconfig'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'gone'
  | 'invalid'
  | 'throttled'
  | 'server';

export interface ClusterError {
  readonly kind: ClusterErrorKind;
  readonly message: string;
  /** The HTTP status, when the server answered. */
  readonly code?: number;
  /** From a 429's or 503's Retry-After header. */
  readonly retryAfterSeconds?: number;
}

/** What was being done, for messages: "list pods in context prod". */
export interface Operation {
  readonly context: string;
  readonly verb: string;
  readonly resource: string;
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

function kindOfStatus(code: number): ClusterErrorKind {
  switch (code) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'conflict';
    case 410:
      return 'gone';
    case 400:
    case 422:
      return 'invalid';
    case 429:
      return 'throttled';
    default:
      return code === 504 ? 'timeout' : 'server';
  }
}

/** Enough for any Status message kube-apiserver writes; a longer one is a proxy's page or worse. */
const MAX_DETAIL_CHARS = 500;

/** Text from outside (a server, a socket error) as part of a message: one line, bounded, without URL credentials. */
export function detailText(text: string): string {
  const line = redactUrlCredentials(text.replace(/\s+/g, ' ').trim());
  return line.length > MAX_DETAIL_CHARS ? `${line.slice(0, MAX_DETAIL_CHARS)}…` : line;
}

function statusMessage(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' ? detailText(message) : '';
}

/** An error for an HTTP answer other than 2xx; `body` is the parsed Status, if any. */
export function errorFromResponse(operation: Operation, code: number, body: unknown, retryAfter: string | null): ClusterError {
  const kind = kindOfStatus(code);
  const where = `${operation.verb} ${operation.resource} in context "${operation.context}"`;
  const detail = statusMessage(body);
  const lead: Record<ClusterErrorKind, string> = {
    kubeconfig: 'kubeconfig',
    unreachable: 'unreachable',
    tls: 'TLS failure',
    timeout: 'timed out',
    unauthorized: `unauthorised (401): the credentials of context "${operation.context}" were rejected`,
    forbidden: `forbidden (403): not allowed to ${where}`,
    notFound: `not found (404): ${where}`,
    conflict: `conflict (409): ${where}`,
    gone: `expired (410): ${where}`,
    invalid: `invalid (${code}): ${where}`,
    throttled: `throttled (429): ${where}`,
    server: `server error (${code}): ${where}`,
  };
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  return {
    kind,
    code,
    message: detail === '' || kind === 'unauthorized' ? lead[kind] : `${lead[kind]}: ${detail}`,
    ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterSeconds: seconds } : {}),
  };
}

/** An error for a request that got no HTTP answer: refused, DNS, TLS, aborted by timeout. */
export function errorFromException(operation: Operation, error: unknown): ClusterError {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code ?? '';
  const name = (error as { name?: string } | undefined)?.name ?? '';
  const where = `context "${operation.context}" (${operation.verb} ${operation.resource})`;
  if (TLS_CODES.has(code) || /certificate|tls|ssl/i.test(cause?.message ?? '')) {
    return { kind: 'tls', message: `TLS failure talking to ${where}: ${code || detailText(cause?.message ?? '')}` };
  }
  if (name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
    return { kind: 'timeout', message: `timed out talking to ${where}` };
  }
  // undici's "fetch failed" says nothing; its cause says why ("bad port", a DNS failure).
  const reason = code || detailText(cause?.message ?? (error instanceof Error ? error.message : String(error)));
  return { kind: 'unreachable', message: `cannot reach ${where}: ${reason}` };
}
