/**
 * One watch stream: newline-delimited JSON events, headers flushed at once, replay from a
 * resourceVersion (or 410 Gone as an ERROR event, as kube-apiserver sends it), bookmarks, a
 * keep-alive every 10 s (client-node aborts a watch after 30 s of silence) and timeoutSeconds.
 */
import type { ServerResponse } from 'node:http';
import type { ApiContext } from './api-context.ts';
import type { KubeObject } from './objects.ts';
import { apiVersionOf, typeKey, type ResourceType } from './resources.ts';
import type { Matcher } from './selectors.ts';
import { gone } from './status.ts';
import type { EventType } from './store.ts';
import { filtered, type Watcher } from './watch-hub.ts';

export interface WatchOptions {
  /** The stored type a view (event-view.ts) is watched through; the type itself otherwise. */
  readonly source?: ResourceType | undefined;
  readonly namespace: string | undefined;
  readonly matcher: Matcher | undefined;
  readonly resourceVersion: string | undefined;
  readonly allowBookmarks: boolean;
  readonly timeoutSeconds: number | undefined;
  /** The event's object as JSON text: the object itself, or a one-row Table. */
  readonly render: (object: KubeObject) => string;
}

/** A watcher this far behind is dropped, as the apiserver drops slow watchers, instead of buffering forever. */
const maxBufferedBytes = 64 * 1024 * 1024;
const maxTimerMs = 2 ** 31 - 1;

function line(type: string, objectJson: string): string {
  return `{"type":"${type}","object":${objectJson}}\n`;
}

export function serveWatch(response: ServerResponse, context: ApiContext, type: ResourceType, options: WatchOptions): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  response.flushHeaders();
  const stored = options.source ?? type;
  const key = typeKey(stored);
  const requested = options.resourceVersion;
  const fromVersion = requested === undefined || requested === '' || requested === '0' ? undefined : Number(requested);
  const replay = fromVersion === undefined || Number.isNaN(fromVersion) ? undefined : context.hub.since(key, fromVersion);
  if (context.takeGoneFault() || (fromVersion !== undefined && replay === undefined)) {
    const error = gone(`too old resource version: ${requested ?? ''} (${context.hub.oldestVersion + 1})`);
    response.end(line('ERROR', JSON.stringify(error.toStatus())));
    return;
  }

  const send = (event: EventType, object: KubeObject): void => {
    if (response.destroyed) return;
    if (response.writableLength > maxBufferedBytes) {
      response.destroy();
      return;
    }
    response.write(line(event, options.render(object)));
    context.hub.noteBuffered(watcher);
  };
  const watcher: Watcher = {
    typeKey: key,
    namespace: options.namespace,
    matcher: options.matcher,
    deliver: (event) => send(event.type, event.object),
    close: () => response.destroy(),
    buffered: () => response.writableLength,
  };
  // Registered before the replay, so the replay's bytes count against the watchers' budget too.
  const remove = context.hub.add(watcher);
  if (replay === undefined) {
    // The scan is already limited to the namespace.
    for (const { object } of context.store.scan(stored, { namespace: options.namespace })) if (options.matcher === undefined || options.matcher(object)) send('ADDED', object);
  } else {
    for (const event of replay) {
      const seen = options.namespace === undefined || event.object.metadata.namespace === options.namespace ? filtered(event, options.matcher) : undefined;
      if (seen !== undefined) send(seen.type, seen.object);
    }
  }

  const bookmark = (): string =>
    line('BOOKMARK', JSON.stringify({ kind: type.kind, apiVersion: apiVersionOf(type), metadata: { resourceVersion: String(context.store.resourceVersion) } }));
  // Real time, not the sim clock: the keep-alive is about idle connections.
  const keepAlive = setInterval(() => response.write(options.allowBookmarks ? bookmark() : '\n'), context.keepAliveMs);
  // setTimeout takes at most 2^31-1 ms (about 24.8 days); a larger timeoutSeconds would fire at once.
  const timeout = options.timeoutSeconds === undefined ? undefined : setTimeout(() => response.end(), Math.min(options.timeoutSeconds * 1000, maxTimerMs));
  // The response's 'close' (not the request's) tells that the client went away (RUNTIME.md).
  response.on('close', () => {
    remove();
    clearInterval(keepAlive);
    if (timeout !== undefined) clearTimeout(timeout);
  });
}
