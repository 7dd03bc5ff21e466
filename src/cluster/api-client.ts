// Raw JSON requests to one context's API server. Authentication and TLS come from client-node
// (KubeConfig.applySecurityAuthentication: tokens, client certificates, exec/OIDC plugins, CA);
// the bodies are parsed here as plain JSON so lists and watch events can be trimmed to slim models
// at once, without client-node's typed deserialisation of every field.
import { HttpMethod, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { fetch, type Dispatcher } from 'undici';
import { err, ok, type Result } from '../core/result.ts';
import { errorFromException, errorFromResponse, type ClusterError, type Operation } from './cluster-error.ts';

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

export class ApiClient {
  readonly context: string;
  private readonly config: KubeConfig;
  private readonly server: string;

  constructor(context: string, config: KubeConfig) {
    this.context = context;
    this.config = config;
    this.server = (config.getCurrentCluster()?.server ?? '').replace(/\/$/, '');
  }

  private url(path: string, query: Query | undefined): URL {
    const url = new URL(this.server + path);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  }

  private async send(path: string, options: RequestOptions, accept: string): Promise<Result<Response, ClusterError>> {
    const operation: Operation = { context: this.context, verb: options.verb, resource: options.resource };
    if (this.server === '') return err({ kind: 'kubeconfig', message: `context "${this.context}" names no cluster server` });
    const url = this.url(path, options.query);
    const method = options.method ?? 'GET';
    try {
      const auth = new RequestContext(url.toString(), HttpMethod[method]);
      await this.config.applySecurityAuthentication(auth);
      const headers: Record<string, string> = { ...auth.getHeaders(), Accept: accept };
      if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
      const response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        dispatcher: auth.getDispatcher() as Dispatcher | undefined,
        signal: options.signal,
      });
      if (response.ok) return ok(response as unknown as Response);
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = { message: text.slice(0, 200) };
      }
      return err(errorFromResponse(operation, response.status, body, response.headers.get('retry-after')));
    } catch (error) {
      return err(errorFromException(operation, error));
    }
  }

  /** One request, JSON in and out. */
  async request(path: string, options: RequestOptions): Promise<Result<unknown, ClusterError>> {
    const response = await this.send(path, options, 'application/json');
    if (!response.ok) return response;
    try {
      return ok(await response.value.json());
    } catch (error) {
      return err(errorFromException({ context: this.context, verb: options.verb, resource: options.resource }, error));
    }
  }

  /**
   * A watch stream: each newline-separated JSON event goes to `onEvent` as it arrives. Resolves when
   * the stream ends. A watch that stays silent longer than `idleMs` is treated as dropped.
   */
  watch(path: string, options: RequestOptions, onEvent: (event: WatchEvent) => void, idleMs = 60_000): Promise<WatchEnd> {
    // A bare newline is the server's keep-alive.
    const onLine = (line: string): void => {
      if (line.trim() !== '') onEvent(JSON.parse(line) as WatchEvent);
    };
    return this.streamLines(path, { ...options, query: { ...options.query, watch: true } }, onLine, 'application/json', idleMs);
  }

  /**
   * A text stream read line by line as it arrives (watch events, `pods/log` with follow). Resolves
   * when it ends; silence longer than `idleMs` (when given) ends it as dropped.
   */
  async streamLines(path: string, options: RequestOptions, onLine: (line: string) => void, accept = '*/*', idleMs?: number): Promise<WatchEnd> {
    const aborter = new AbortController();
    const abort = (): void => aborter.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    let idle = idleMs === undefined ? undefined : setTimeout(abort, idleMs);
    try {
      const response = await this.send(path, { ...options, signal: aborter.signal }, accept);
      if (!response.ok) return { kind: 'error', error: response.error };
      const body = response.value.body;
      if (body === null) return { kind: 'closed' };
      const decoder = new TextDecoder();
      let pending = '';
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        if (idleMs !== undefined) {
          clearTimeout(idle);
          idle = setTimeout(abort, idleMs);
        }
        pending += decoder.decode(chunk, { stream: true });
        let newline = pending.indexOf('\n');
        while (newline >= 0) {
          onLine(pending.slice(0, newline).replace(/\r$/, ''));
          pending = pending.slice(newline + 1);
          newline = pending.indexOf('\n');
        }
      }
      if (pending !== '') onLine(pending);
      return { kind: 'closed' };
    } catch (error) {
      // Our own abort (idle timeout or dispose) is an ordinary end: the caller decides whether to resume.
      if (aborter.signal.aborted) return { kind: 'closed' };
      return { kind: 'error', error: errorFromException({ context: this.context, verb: options.verb, resource: options.resource }, error) };
    } finally {
      clearTimeout(idle);
      options.signal?.removeEventListener('abort', abort);
    }
  }
}
