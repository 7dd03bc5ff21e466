// The one list-then-watch loop (client-go's Reflector, tools/cache/reflector.go): a paged list (list-all.ts) fills
// the store, a watch from the list's resourceVersion keeps it current, a dropped watch resumes from
// the last resourceVersion seen, 410 Gone relists, other errors back off with jitter, and 429s wait
// for Retry-After. client-node's ListWatch stops on errors other than 410; this loop never stops
// until disposed, and reports each state so the UI can show it.
import type { ApiClient, WatchEvent } from './api-client.ts';
import { BackOff, type Sleep } from './back-off.ts';
import type { ClusterError } from './cluster-error.ts';
import type { Disposable } from './disposable.ts';
import { listAll } from './list-all.ts';
import type { SlimStore } from './slim-store.ts';

export type SyncPhase = 'connecting' | 'synced' | 'error';

export interface ResourceState {
  readonly phase: SyncPhase;
  /** The last error; kept while a retry is pending. */
  readonly error?: ClusterError;
  readonly items: number;
}

// Server-side watch timeout, randomised as client-go does (minWatchTimeout 5 min, up to 2x) so that
// many informers do not reconnect at the same moment.
const WATCH_TIMEOUT_MIN_S = 300;

// A store filled page by page gets a small first page: a view's first rows come after 100 objects
// (a few screens of rows), not 500.
const FIRST_PAGE_SIZE = 100;

/** What a reflector fills: a SlimStore, or any cache with the same mutations (the bounded event cache). */
export type ReflectorStore<T> = Pick<SlimStore<T & { readonly meta: { readonly namespace: string; readonly name: string } }>, 'size' | 'fill' | 'replace' | 'upsert' | 'delete'>;

export interface ReflectorOptions<T> {
  readonly client: ApiClient;
  /** Collection path from kinds.ts, e.g. /api/v1/pods or /apis/apps/v1/namespaces/shop/deployments. */
  readonly path: string;
  /** For messages: "pods", "deployments". */
  readonly resource: string;
  readonly trim: (raw: unknown) => T;
  readonly store: ReflectorStore<T>;
  readonly onState: (state: ResourceState) => void;
  readonly pageSize?: number;
  /** An empty store is filled page by page on its first list (nodes: the first rows show after one page, not fifty). */
  readonly fillPerPage?: boolean;
  readonly sleep?: Sleep;
  readonly random?: () => number;
}

function metadataOf(object: unknown): { namespace: string; name: string; resourceVersion: string } {
  const metadata = (object as { metadata?: { namespace?: string; name?: string; resourceVersion?: string } } | null)?.metadata ?? {};
  return { namespace: metadata.namespace ?? '', name: metadata.name ?? '', resourceVersion: metadata.resourceVersion ?? '' };
}

export class Reflector<T extends { readonly meta: { readonly namespace: string; readonly name: string } }> implements Disposable {
  private readonly options: ReflectorOptions<T>;
  private readonly aborter = new AbortController();
  private readonly random: () => number;
  /** One count of failures in a row, whether the list or the watch failed. */
  private readonly backOffs: BackOff;
  private phase: SyncPhase = 'connecting';

  constructor(options: ReflectorOptions<T>) {
    this.options = options;
    this.random = options.random ?? Math.random;
    this.backOffs = new BackOff(options.sleep, this.random);
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
    if (this.stopped) return;
    this.phase = phase;
    this.options.onState({ phase, items: this.options.store.size, ...(error === undefined ? {} : { error }) });
  }

  private async run(): Promise<void> {
    let resourceVersion = '';
    this.report('connecting');
    while (!this.stopped) {
      if (resourceVersion === '') {
        const listed = await listAll({
          client: this.options.client,
          path: this.options.path,
          resource: this.options.resource,
          trim: this.options.trim,
          signal: this.aborter.signal,
          backOff: (error) => this.backOff(error),
          ...(this.options.fillPerPage === true && this.options.store.size === 0 ? { onPage: (page: readonly T[]) => this.options.store.fill(page), firstPageSize: FIRST_PAGE_SIZE } : {}),
          ...(this.options.pageSize === undefined ? {} : { pageSize: this.options.pageSize }),
        });
        if (this.stopped) return;
        if (!listed.ok) {
          await this.backOff(listed.error);
          continue;
        }
        this.options.store.replace(listed.value.items);
        resourceVersion = listed.value.resourceVersion;
        this.backOffs.reset();
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
      undefined,
      // A watch resumed after a failure: the cache is current again, from the resourceVersion it had.
      () => {
        if (this.phase === 'error') this.report('synced');
      },
    );
    this.aborter.signal.removeEventListener('abort', stop);
    if (gone) return { resourceVersion: '', error: { kind: 'gone', code: 410, message: `watch of ${this.options.resource} expired (410)` } };
    if (end.kind === 'error') return { resourceVersion: latest, error: end.error };
    this.backOffs.reset();
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
    this.report('error', error);
    await this.backOffs.wait(error, this.aborter.signal);
  }
}
