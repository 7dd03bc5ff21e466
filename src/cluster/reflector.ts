// The one list-then-watch loop (client-go's Reflector, tools/cache/reflector.go): a paged list fills
// the store, a watch from the list's resourceVersion keeps it current, a dropped watch resumes from
// the last resourceVersion seen, 410 Gone relists, other errors back off with jitter, and 429s wait
// for Retry-After. client-node's ListWatch stops on errors other than 410; this loop never stops
// until disposed, and reports each state so the UI can show it.
import { err, ok, type Result } from '../core/result.ts';
import type { ApiClient, WatchEvent } from './api-client.ts';
import type { ClusterError } from './cluster-error.ts';
import type { Disposable } from './disposable.ts';
import type { SlimStore } from './slim-store.ts';

export type SyncPhase = 'connecting' | 'synced' | 'error';

export interface ResourceState {
  readonly phase: SyncPhase;
  /** The last error; kept while a retry is pending. */
  readonly error?: ClusterError;
  readonly items: number;
}

// client-go's reflector back-off (NewExponentialBackoffManager(800ms, 30s, 2min, 2.0, 1.0)):
// 0.8 s doubling to 30 s, each wait stretched by up to 100% jitter.
const BACKOFF_INITIAL_MS = 800;
const BACKOFF_MAX_MS = 30_000;
const BACKOFF_JITTER = 1.0;
// Server-side watch timeout, randomised as client-go does (minWatchTimeout 5 min, up to 2x) so that
// many informers do not reconnect at the same moment.
const WATCH_TIMEOUT_MIN_S = 300;

export interface ReflectorOptions<T> {
  readonly client: ApiClient;
  /** Collection path, e.g. /api/v1/pods or /apis/apps/v1/namespaces/shop/deployments. */
  readonly path: string;
  /** For messages: "pods", "deployments". */
  readonly resource: string;
  readonly trim: (raw: unknown) => T;
  readonly store: SlimStore<T & { readonly meta: { readonly namespace: string; readonly name: string } }>;
  readonly onState: (state: ResourceState) => void;
  readonly pageSize?: number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

interface ListResult<T> {
  readonly items: T[];
  readonly resourceVersion: string;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function metadataOf(object: unknown): { namespace: string; name: string; resourceVersion: string } {
  const metadata = (object as { metadata?: { namespace?: string; name?: string; resourceVersion?: string } } | null)?.metadata ?? {};
  return { namespace: metadata.namespace ?? '', name: metadata.name ?? '', resourceVersion: metadata.resourceVersion ?? '' };
}

export class Reflector<T extends { readonly meta: { readonly namespace: string; readonly name: string } }> implements Disposable {
  private readonly options: ReflectorOptions<T>;
  private readonly aborter = new AbortController();
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private failures = 0;

  constructor(options: ReflectorOptions<T>) {
    this.options = options;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  start(): void {
    void this.run();
  }

  dispose(): void {
    this.aborter.abort();
  }

  private get stopped(): boolean {
    return this.aborter.signal.aborted;
  }

  private report(phase: SyncPhase, error?: ClusterError): void {
    if (!this.stopped) this.options.onState({ phase, items: this.options.store.size, ...(error === undefined ? {} : { error }) });
  }

  private async run(): Promise<void> {
    let resourceVersion = '';
    this.report('connecting');
    while (!this.stopped) {
      if (resourceVersion === '') {
        const listed = await this.listAll();
        if (this.stopped) return;
        if (!listed.ok) {
          await this.backOff(listed.error);
          continue;
        }
        this.options.store.replace(listed.value.items);
        resourceVersion = listed.value.resourceVersion;
        this.failures = 0;
        this.report('synced');
      }
      const watched = await this.watchFrom(resourceVersion);
      if (this.stopped) return;
      resourceVersion = watched.resourceVersion;
      if (watched.error === undefined) continue;
      if (watched.error.kind === 'gone') {
        resourceVersion = '';
        continue;
      }
      await this.backOff(watched.error);
    }
  }

  /**
   * Every page of the collection; a continue token that expires mid-way restarts the list once (a
   * server that expires every token would otherwise be listed again and again without a pause).
   */
  private async listAll(restarted = false): Promise<Result<ListResult<T>, ClusterError>> {
    const items: T[] = [];
    let resourceVersion = '';
    let token: string | undefined;
    do {
      const page = await this.options.client.request(this.options.path, {
        verb: 'list',
        resource: this.options.resource,
        query: { limit: this.options.pageSize ?? 500, continue: token },
        signal: this.aborter.signal,
      });
      if (!page.ok) return page.error.kind === 'gone' && token !== undefined && !restarted ? this.listAll(true) : err(page.error);
      const body = page.value as { items?: unknown[]; metadata?: { resourceVersion?: string; continue?: string } };
      for (const raw of body.items ?? []) items.push(this.options.trim(raw));
      // The first page's resourceVersion is the snapshot's: every page comes from it.
      if (resourceVersion === '') resourceVersion = body.metadata?.resourceVersion ?? '';
      token = body.metadata?.continue || undefined;
    } while (token !== undefined && !this.stopped);
    return ok({ items, resourceVersion });
  }

  private async watchFrom(resourceVersion: string): Promise<{ resourceVersion: string; error?: ClusterError }> {
    let latest = resourceVersion;
    let gone = false;
    const eventAborter = new AbortController();
    const stop = (): void => eventAborter.abort();
    this.aborter.signal.addEventListener('abort', stop, { once: true });
    const end = await this.options.client.watch(
      this.options.path,
      {
        verb: 'watch',
        resource: this.options.resource,
        query: {
          resourceVersion,
          allowWatchBookmarks: true,
          timeoutSeconds: Math.floor(WATCH_TIMEOUT_MIN_S * (1 + this.random())),
        },
        signal: eventAborter.signal,
      },
      (event) => {
        if (this.handle(event)) latest = metadataOf(event.object).resourceVersion || latest;
        else {
          gone = true;
          stop();
        }
      },
    );
    this.aborter.signal.removeEventListener('abort', stop);
    if (gone) return { resourceVersion: '', error: { kind: 'gone', code: 410, message: `watch of ${this.options.resource} expired (410)` } };
    if (end.kind === 'error') return { resourceVersion: latest, error: end.error };
    this.failures = 0;
    return { resourceVersion: latest };
  }

  /** Applies one watch event; false for an ERROR event (the server ends the watch after it). */
  private handle(event: WatchEvent): boolean {
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        this.options.store.upsert(this.options.trim(event.object));
        return true;
      case 'DELETED': {
        const { namespace, name } = metadataOf(event.object);
        this.options.store.delete(namespace, name);
        return true;
      }
      case 'BOOKMARK':
        return true;
      case 'ERROR':
        return false;
    }
  }

  private async backOff(error: ClusterError): Promise<void> {
    this.failures += 1;
    this.report('error', error);
    const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** (this.failures - 1));
    const jittered = exponential * (1 + BACKOFF_JITTER * this.random());
    // A server's Retry-After is honoured up to the longest back-off: more would stall the view for
    // hours, and past 2^31 ms a timer fires at once, which turned "wait" into a hot retry loop.
    const waitMs = error.retryAfterSeconds === undefined ? jittered : Math.min(Math.max(error.retryAfterSeconds * 1000, BACKOFF_INITIAL_MS), BACKOFF_MAX_MS);
    await this.sleep(waitMs, this.aborter.signal);
  }
}
