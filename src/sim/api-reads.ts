/** get, list and watch of stored and computed resources, as objects or Tables. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from './api-context.ts';
import { sendJson } from './http-io.ts';
import { viewOf } from './event-view.ts';
import { decodeContinue, streamList } from './list-response.ts';
import type { KubeObject } from './objects.ts';
import { objectKey } from './store.ts';
import { booleanParam } from './query-params.ts';
import type { ResourceType } from './resources.ts';
import { combine, parseFieldSelector, parseLabelSelector } from './selectors.ts';
import { badRequest, gone, notFound } from './status.ts';
import { printerFor, singleRowTable, type Printer } from './tables.ts';
import { serveWatch } from './watch-response.ts';

/** --etcd-compaction-interval default. */
const compactionIntervalMs = 5 * 60_000;

interface TableRequest {
  readonly printer: Printer;
  readonly includeObject: string;
}

/** `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` (kubectl get) asks for a Table. */
export function tableRequest(request: IncomingMessage, query: URLSearchParams, type: ResourceType): TableRequest | undefined {
  const accept = request.headers.accept ?? '';
  if (!accept.split(',').some((part) => part.includes('as=Table'))) return undefined;
  return { printer: printerFor(type), includeObject: query.get('includeObject') ?? 'Metadata' };
}

function integer(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw badRequest(`invalid ${name}: ${text}`);
  return value;
}

interface Items {
  readonly items: Iterable<{ key: string; object: KubeObject }>;
  readonly remaining: (after: string) => number;
}

function* converted(items: Iterable<{ key: string; object: KubeObject }>, convert: (object: KubeObject) => KubeObject): Generator<{ key: string; object: KubeObject }> {
  for (const { key, object } of items) yield { key, object: convert(object) };
}

function items(context: ApiContext, type: ResourceType, namespace: string | undefined, after: string | undefined): Items {
  const view = viewOf(context.catalog, type);
  if (view !== undefined) {
    const { stored, convert } = view;
    return { items: converted(context.store.scan(stored, { namespace, after }), convert), remaining: (last) => context.store.countAfter(stored, namespace, last) };
  }
  if (type.virtual !== true) return { items: context.store.scan(type, { namespace, after }), remaining: (last) => context.store.countAfter(type, namespace, last) };
  const all = context
    .computed(type, namespace)
    .map((object) => ({ key: objectKey(object.metadata.namespace, object.metadata.name ?? ''), object }))
    .filter((item) => after === undefined || item.key > after);
  return { items: all, remaining: (last) => all.filter((item) => item.key > last).length };
}

export function getObject(context: ApiContext, type: ResourceType, namespace: string | undefined, name: string): KubeObject {
  const view = viewOf(context.catalog, type);
  if (view !== undefined) {
    const stored = context.store.get(view.stored, namespace, name);
    if (stored === undefined) throw notFound(type, name);
    return view.convert(stored);
  }
  const object =
    type.virtual === true
      ? context.computed(type, namespace).find((each) => each.metadata.name === name)
      : context.store.get(type, namespace, name);
  if (object === undefined) throw notFound(type, name);
  return object;
}

export function serveGet(request: IncomingMessage, response: ServerResponse, context: ApiContext, type: ResourceType, namespace: string | undefined, name: string, query: URLSearchParams): void {
  const object = getObject(context, type, namespace, name);
  const table = tableRequest(request, query, type);
  if (table === undefined) {
    sendJson(response, 200, object);
    return;
  }
  const text = singleRowTable(table.printer, object, context.clock.now(), table.includeObject);
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

export async function serveList(request: IncomingMessage, response: ServerResponse, context: ApiContext, type: ResourceType, namespace: string | undefined, query: URLSearchParams): Promise<void> {
  const matcher = combine(parseLabelSelector(query.get('labelSelector')), parseFieldSelector(query.get('fieldSelector')));
  const position = decodeContinue(query.get('continue') ?? undefined);
  // kube-apiserver compacts etcd every 5 minutes, which expires older continue tokens.
  if (position !== undefined && context.clock.now() - position.issued > compactionIntervalMs) {
    throw gone('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
  }
  const table = tableRequest(request, query, type);
  const start = { resourceVersion: String(context.store.resourceVersion), issued: context.clock.now() };
  const listed = items(context, type, namespace, position?.after);
  await streamList(response, type, listed.items, position ?? start, {
    matcher,
    remaining: listed.remaining,
    limit: integer(query, 'limit'),
    continueToken: query.get('continue') ?? undefined,
    table: table === undefined ? undefined : { ...table, now: context.clock.now() },
  });
}

export function serveWatchRequest(request: IncomingMessage, response: ServerResponse, context: ApiContext, type: ResourceType, namespace: string | undefined, name: string | undefined, query: URLSearchParams): void {
  const byName = name === undefined ? undefined : (object: KubeObject): boolean => object.metadata.name === name;
  const selected = combine(parseLabelSelector(query.get('labelSelector')), parseFieldSelector(query.get('fieldSelector')), byName);
  const table = tableRequest(request, query, type);
  // A view watches its stored type: selectors match, and clients receive, the converted objects.
  const view = viewOf(context.catalog, type);
  const convert = view?.convert ?? ((object: KubeObject): KubeObject => object);
  const matcher = view === undefined || selected === undefined ? selected : (object: KubeObject): boolean => selected(convert(object));
  serveWatch(response, context, type, {
    source: view?.stored,
    namespace,
    matcher,
    resourceVersion: query.get('resourceVersion') ?? undefined,
    allowBookmarks: booleanParam(query, 'allowWatchBookmarks'),
    timeoutSeconds: integer(query, 'timeoutSeconds'),
    render: table === undefined ? (object) => JSON.stringify(convert(object)) : (object) => singleRowTable(table.printer, convert(object), context.clock.now(), table.includeObject),
  });
}
