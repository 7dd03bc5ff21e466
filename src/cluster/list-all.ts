// The one paged list (client-go's ListPager): `limit` + `continue` page by page, all pages from the
// first page's snapshot. A continue token that expires mid-way (etcd compacted past the snapshot: 410
// Gone) restarts the list from the start, once; a page that fails with 429 or 5xx is retried from its
// own token after a back-off (Retry-After honoured), so page 200 of 300 is not listed again. Bounds on
// items and bytes stop a server that never ends the list.
import { err, ok, type Result } from '../core/result.ts';
import type { ApiClient, Query } from './api-client.ts';
import { BackOff } from './back-off.ts';
import type { ClusterError } from './cluster-error.ts';

/** kube-apiserver's page size for kubectl and client-go's pager; a page of pods is a few MB at most. */
export const DEFAULT_PAGE_SIZE = 500;
// The largest cluster Kubernetes supports has 150,000 pods: a list several times that is a runaway.
const DEFAULT_MAX_ITEMS = 1_000_000;
const DEFAULT_MAX_BYTES = 4 * 1024 ** 3;
// V8's longest string (~512 MiB): one answer longer than that cannot be parsed anyway.
const MAX_PAGE_BYTES = 512 * 1024 ** 2;
/** Retries of one page after 429/5xx before the error is returned (the reflector then backs off and relists). */
const DEFAULT_PAGE_RETRIES = 3;

export interface ListAllOptions<T> {
  readonly client: Pick<ApiClient, 'requestBounded' | 'context'>;
  /** A collection path from kinds.ts. */
  readonly path: string;
  /** For messages: "pods", "deployments in namespace \"shop\"". */
  readonly resource: string;
  /** Each raw item as kept (slim models trim here, so raw pages are dropped page by page). */
  readonly trim: (raw: unknown) => T;
  /** Selectors; `limit` and `continue` are listAll's own. */
  readonly query?: Query;
  readonly pageSize?: number;
  /** A smaller first page, for a view whose first rows should not wait for a whole page. */
  readonly firstPageSize?: number;
  readonly signal?: AbortSignal;
  /** Waits before a page is retried after 429/5xx; the reflector passes its own (it reports the state and counts failures). */
  readonly backOff?: (error: ClusterError) => Promise<void>;
  readonly pageRetries?: number;
  /** Each page's items as trimmed, before the next page is asked for (a store can show them at once). */
  readonly onPage?: (items: readonly T[]) => void;
  /** A page counts as at least one item, so endless empty pages are stopped too. */
  readonly maxItems?: number;
  readonly maxBytes?: number;
}

export interface Listed<T> {
  readonly items: T[];
  /** The snapshot's resourceVersion, to watch from. */
  readonly resourceVersion: string;
}

interface Attempt<T> {
  readonly result: Result<Listed<T>, ClusterError>;
  /** Failed with 410 Gone on a continue token. */
  readonly expired: boolean;
}

function retryable(error: ClusterError): boolean {
  return error.code === 429 || (error.code !== undefined && error.code >= 500);
}

/** Every object of a collection, in one consistent snapshot. */
export async function listAll<T>(options: ListAllOptions<T>): Promise<Result<Listed<T>, ClusterError>> {
  const first = await listOnce(options);
  // Once only: a server that expires every token would otherwise be listed again and again without a pause.
  return first.expired ? (await listOnce(options)).result : first.result;
}

async function listOnce<T>(options: ListAllOptions<T>): Promise<Attempt<T>> {
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = options.signal ?? new AbortController().signal;
  const fallback = new BackOff();
  const backOff = options.backOff ?? ((error: ClusterError) => fallback.wait(error, signal));
  const items: T[] = [];
  let counted = 0;
  let bytes = 0;
  let resourceVersion = '';
  let token: string | undefined;
  let retries = 0;
  const limit = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const firstLimit = Math.min(limit, options.firstPageSize ?? limit);
  const stopped = (why: string): Attempt<T> => ({ result: err({ kind: 'server', message: `list ${options.resource} in context "${options.client.context}": ${why}, stopped` }), expired: false });
  for (;;) {
    const budget = Math.min(MAX_PAGE_BYTES, maxBytes - bytes);
    const page = await options.client.requestBounded(
      options.path,
      { verb: 'list', resource: options.resource, query: { ...options.query, limit: token === undefined ? firstLimit : limit, continue: token }, signal },
      budget,
    );
    if (!page.ok) {
      if (retryable(page.error) && retries < (options.pageRetries ?? DEFAULT_PAGE_RETRIES) && !signal.aborted) {
        retries += 1;
        await backOff(page.error);
        // Aborted while waiting: the error it waited on is the answer.
        if (!signal.aborted) continue;
      }
      return { result: err(page.error), expired: page.error.kind === 'gone' && token !== undefined };
    }
    if (page.value === undefined) return stopped(budget === MAX_PAGE_BYTES ? `a page larger than ${mib(MAX_PAGE_BYTES)}` : `more than ${mib(maxBytes)}`);
    retries = 0;
    bytes += page.value.bytes;
    const body = page.value.value as { items?: unknown; metadata?: { resourceVersion?: unknown; continue?: unknown } } | null;
    const raw = Array.isArray(body?.items) ? (body.items as unknown[]) : [];
    counted += Math.max(1, raw.length);
    if (counted > maxItems) return stopped(`more than ${maxItems} items`);
    const trimmed = raw.map((item) => options.trim(item));
    options.onPage?.(trimmed);
    // A loop, not push(...items): a server that ignores `limit` may send 150,000 items at once.
    for (const item of trimmed) items.push(item);
    // The first page's resourceVersion is the snapshot's: every page comes from it.
    if (resourceVersion === '' && typeof body?.metadata?.resourceVersion === 'string') resourceVersion = body.metadata.resourceVersion;
    token = typeof body?.metadata?.continue === 'string' && body.metadata.continue !== '' ? body.metadata.continue : undefined;
    if (token === undefined) return { result: ok({ items, resourceVersion }), expired: false };
  }
}

function mib(bytes: number): string {
  return bytes % 1024 ** 2 === 0 ? `${bytes / 1024 ** 2} MiB` : `${bytes} bytes`;
}
