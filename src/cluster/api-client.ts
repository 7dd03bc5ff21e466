// Raw JSON requests to one context's API server. Authentication and TLS come from client-node
// (request-auth.ts: tokens, client certificates, exec/OIDC plugins, CA); the bodies are parsed here
// as plain JSON so lists and watch events can be trimmed to slim models at once, without
// client-node's typed deserialisation of every field. undici's request(), not fetch(): fetch's web
// streams cost a third of a 150,000-pod sync (5.2 s of client CPU instead of 7.3 s without them).
import type { KubeConfig } from '@kubernetes/client-node';
import { request, type Dispatcher } from 'undici';
import { err, ok, type Result } from '../core/result.ts';
import { LineSplitter } from '../core/text/line-splitter.ts';
import { displayUrl } from '../core/text/url-credentials.ts';
import { errorFromException, errorFromResponse, type ClusterError, type Operation } from './cluster-error.ts';
import type { Disposable } from './disposable.ts';
import { leadingBytes, leadingText } from './leading-text.ts';
import { RequestAuth } from './request-auth.ts';

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly query?: Query;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
  /** For error messages: what the request does ("list", "watch", "apply", ...) and to what. */
  readonly verb: string;
  readonly resource: string;
}

export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: unknown;
}

/** Why a watch ended: the server closed it (resume), or an error (410 Gone included). */
export type WatchEnd = { readonly kind: 'closed' } | { readonly kind: 'error'; readonly error: ClusterError };

// A watch event is one object (etcd keeps at most 1.5 MB per object); a log line is short. A longer
// line means a broken or hostile server, and is not buffered further.
const MAX_LINE_CHARS = 64 * 1024 * 1024;

// A Status object is a few hundred bytes; a proxy's error page a few KB. More is not read.
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** The context's server URL without credentials, or why no request can be made with this context. */
function serverOf(context: string, config: KubeConfig): Result<string, ClusterError> {
  const fail = (message: string): Result<string, ClusterError> => err({ kind: 'kubeconfig', message });
  const named = config.getContextObject(config.getCurrentContext());
  if (named?.cluster && config.getCluster(named.cluster) === null) return fail(`context "${context}" names cluster "${named.cluster}", which no kubeconfig file defines`);
  // Without its user client-node applies no CA either, and the request would fail as a TLS error.
  if (named?.user && config.getUser(named.user) === null) return fail(`context "${context}" names user "${named.user}", which no kubeconfig file defines`);
  const server = config.getCurrentCluster()?.server ?? '';
  if (server === '') return fail(`context "${context}" names no cluster server`);
  if (!URL.canParse(server)) return fail(`the server of context "${context}" is not a valid URL: ${displayUrl(server)}`);
  const url = new URL(server);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`the server of context "${context}" must be an https URL, not ${displayUrl(server)}`);
  // Kubernetes dropped basic authentication (1.19): a user name or password in the URL is neither sent nor shown.
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return ok(url.href.replace(/\/$/, ''));
}

export class ApiClient implements Disposable {
  readonly context: string;
  private readonly auth: RequestAuth;
  private readonly server: Result<string, ClusterError>;
  /** Aborted by dispose(): every request in flight, and every later one, ends at once. */
  private readonly aborter = new AbortController();

  constructor(context: string, config: KubeConfig) {
    this.context = context;
    this.auth = new RequestAuth(config);
    this.server = serverOf(context, config);
  }

  /** Cancels every request and stream in flight (a server that never answers included); later requests fail at once. */
  dispose(): void {
    this.aborter.abort();
    this.auth.dispose();
  }

  private signal(own: AbortSignal | undefined): AbortSignal {
    return own === undefined ? this.aborter.signal : AbortSignal.any([this.aborter.signal, own]);
  }

  private failure(operation: Operation, error: unknown): ClusterError {
    if (this.aborter.signal.aborted) return { kind: 'unreachable', message: `${operation.verb} ${operation.resource} in context "${this.context}" cancelled: the connection was closed` };
    return errorFromException(operation, error);
  }

  private async send(path: string, options: RequestOptions, accept: string): Promise<Result<Dispatcher.ResponseData, ClusterError>> {
    const operation: Operation = { context: this.context, verb: options.verb, resource: options.resource };
    if (!this.server.ok) return this.server;
    if (this.aborter.signal.aborted) return err(this.failure(operation, undefined));
    const method = options.method ?? 'GET';
    try {
      const url = new URL(this.server.value + path);
      for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
      const credentials = await this.auth.credentials(url.href);
      // kube-apiserver gzips big lists when asked (as client-go asks); the dispatcher inflates them.
      const headers: Record<string, string> = { ...credentials.headers, Accept: accept, 'Accept-Encoding': 'gzip' };
      if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
      const response = await request(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        dispatcher: credentials.dispatcher,
        signal: this.signal(options.signal),
      });
      if (response.statusCode >= 200 && response.statusCode < 300) return ok(response);
      const text = await leadingText(response.body, MAX_ERROR_BODY_BYTES);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = { message: text.slice(0, 200) };
      }
      const retryAfter = response.headers['retry-after'];
      return err(errorFromResponse(operation, response.statusCode, body, Array.isArray(retryAfter) ? (retryAfter[0] ?? null) : (retryAfter ?? null)));
    } catch (error) {
      return err(this.failure(operation, error));
    }
  }

  /** One request, JSON in and out. */
  async request(path: string, options: RequestOptions): Promise<Result<unknown, ClusterError>> {
    const response = await this.send(path, options, 'application/json');
    if (!response.ok) return response;
    try {
      return ok(await response.value.body.json());
    } catch (error) {
      return err(this.failure({ context: this.context, verb: options.verb, resource: options.resource }, error));
    }
  }

  /**
   * One JSON answer of at most `maxBytes`, with its size (a list page: its bytes count toward the
   * caller's bound); undefined when the answer is longer, which is not read further.
   */
  async requestBounded(path: string, options: RequestOptions, maxBytes: number): Promise<Result<{ readonly value: unknown; readonly bytes: number } | undefined, ClusterError>> {
    const response = await this.send(path, options, 'application/json');
    if (!response.ok) return response;
    try {
      const { bytes, complete } = await leadingBytes(response.value.body, maxBytes);
      return ok(complete ? { value: JSON.parse(bytes.toString('utf8')), bytes: bytes.length } : undefined);
    } catch (error) {
      return err(this.failure({ context: this.context, verb: options.verb, resource: options.resource }, error));
    }
  }

  /**
   * A watch stream: each newline-separated JSON event goes to `onEvent` as it arrives. Resolves when
   * the stream ends. A watch that stays silent longer than `idleMs` is treated as dropped. `onOpen`
   * hears that the server accepted it (a quiet resource may send nothing for minutes).
   */
  watch(path: string, options: RequestOptions, onEvent: (event: WatchEvent) => void, idleMs = 60_000, onOpen?: () => void): Promise<WatchEnd> {
    // A bare newline is the server's keep-alive.
    const onLine = (line: string): void => {
      if (line.trim() !== '') onEvent(JSON.parse(line) as WatchEvent);
    };
    return this.streamLines(path, { ...options, query: { ...options.query, watch: true } }, onLine, 'application/json', idleMs, onOpen);
  }

  /**
   * A text stream read line by line as it arrives (watch events, `pods/log` with follow). Resolves
   * when it ends; silence longer than `idleMs` (when given) ends it as dropped.
   */
  async streamLines(path: string, options: RequestOptions, onLine: (line: string) => void, accept = '*/*', idleMs?: number, onOpen?: () => void): Promise<WatchEnd> {
    const aborter = new AbortController();
    const abort = (): void => aborter.abort();
    const signal = AbortSignal.any([aborter.signal, this.signal(options.signal)]);
    let idle = idleMs === undefined ? undefined : setTimeout(abort, idleMs);
    const operation: Operation = { context: this.context, verb: options.verb, resource: options.resource };
    try {
      const response = await this.send(path, { ...options, signal }, accept);
      if (!response.ok) return { kind: 'error', error: response.error };
      onOpen?.();
      const body = response.value.body;
      const decoder = new TextDecoder();
      let tooLong = false;
      const lines = new LineSplitter(MAX_LINE_CHARS, onLine, () => (tooLong = true));
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        if (idleMs !== undefined) {
          clearTimeout(idle);
          idle = setTimeout(abort, idleMs);
        }
        lines.push(decoder.decode(chunk, { stream: true }));
        // Leaving the loop cancels the body: nothing more is read.
        if (tooLong) break;
      }
      if (tooLong) return { kind: 'error', error: { kind: 'server', message: `${operation.verb} ${operation.resource} in context "${this.context}": the server sent a line longer than ${MAX_LINE_CHARS / 1024 / 1024} MB` } };
      lines.end();
      return { kind: 'closed' };
    } catch (error) {
      // Our own abort (idle timeout, the caller's signal, dispose) is an ordinary end: the caller decides whether to resume.
      if (signal.aborted) return { kind: 'closed' };
      return { kind: 'error', error: this.failure(operation, error) };
    } finally {
      clearTimeout(idle);
    }
  }
}
