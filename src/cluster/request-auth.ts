// A request's credentials: headers fresh each time (a token an exec plugin renews), and one undici
// dispatcher for as long as the TLS material stays the same. client-node's applySecurityAuthentication
// builds a new Agent on every call, so each request opened its own TLS connection: a handshake and a
// CA parse per list page, 300 of them for 150,000 pods. A plugin that rotates its client certificate
// gets a new dispatcher; the old one finishes what it carries (a watch) and closes.
import type { RequestOptions } from 'node:https';
import { HttpMethod, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { Agent, interceptors, type Dispatcher } from 'undici';
import type { Disposable } from './disposable.ts';

export interface Credentials {
  readonly headers: Record<string, string>;
  /** Inflates gzip answers (the client asks for them). */
  readonly dispatcher: Dispatcher;
}

// What the dispatcher's TLS connections are made of (client-node copies these into its Agent).
const TLS_FIELDS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

function materialKey(options: RequestOptions): string {
  return TLS_FIELDS.map((field) => {
    const value: unknown = options[field];
    return Buffer.isBuffer(value) ? value.toString('base64') : JSON.stringify(value ?? null);
  }).join('\n');
}

export class RequestAuth implements Disposable {
  private readonly config: KubeConfig;
  /** Set before the dispatcher is built, so requests started together share one. */
  private current: { readonly key: string; readonly dispatcher: Promise<Dispatcher> } | undefined;
  private disposed = false;

  constructor(config: KubeConfig) {
    this.config = config;
  }

  async credentials(url: string): Promise<Credentials> {
    const options: RequestOptions = {};
    await this.config.applyToHTTPSOptions(options);
    // As applySecurityAuthentication does: Basic from the user's name and password, unless a plugin's header replaces it.
    const headers: Record<string, string> = typeof options.auth === 'string' ? { Authorization: `Basic ${Buffer.from(options.auth).toString('base64')}` } : {};
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = String(value);
    const key = materialKey(options);
    if (this.current?.key !== key) {
      const previous = this.current?.dispatcher;
      this.current = { key, dispatcher: this.dispatcherFor(url) };
      // The old one finishes what it carries (a watch), then closes.
      void previous?.then((dispatcher) => (this.disposed ? undefined : dispatcher.close()));
    }
    return { headers, dispatcher: await this.current.dispatcher };
  }

  /** client-node builds the dispatcher (proxies and SOCKS included); none for plain http, where one of our own serves. */
  private async dispatcherFor(url: string): Promise<Dispatcher> {
    const probe = new RequestContext(url, HttpMethod.GET);
    await this.config.applySecurityAuthentication(probe);
    const dispatcher = ((probe.getDispatcher() as Dispatcher | undefined) ?? new Agent()).compose(interceptors.decompress());
    if (this.disposed) void dispatcher.destroy();
    return dispatcher;
  }

  /** Closes the connections at once (the client aborts its requests in flight first). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    void this.current?.dispatcher.then((dispatcher) => dispatcher.destroy());
  }
}
