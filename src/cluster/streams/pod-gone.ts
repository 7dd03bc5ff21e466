// Waits until a forward's pod stops serving: deleted, terminating, not running or (behind a Service
// or workload) not ready. A watch on that one pod (fieldSelector metadata.name) hears it within
// the server's latency; a watch that ends without a verdict is resumed after reading the pod again.
import { abortableSleep } from '../back-off.ts';
import type { ApiClient } from '../api-client.ts';
import { collectionPath, KINDS, objectPath } from '../kinds.ts';
import { isServing } from './port-forward-target.ts';

type PodObject = Parameters<typeof isServing>[0];

/** A failed read or watch is retried after this (the forward itself keeps working meanwhile). */
const RETRY_MS = 1000;

export interface PodWatch {
  readonly namespace: string;
  readonly pod: string;
  readonly resourceVersion: string;
  /** Behind a Service or workload an unready pod is as good as gone; a pod target only needs to run. */
  readonly needsReady: boolean;
}

function serves(pod: PodObject, needsReady: boolean): boolean {
  if (needsReady) return isServing(pod);
  return pod.metadata.deletionTimestamp === undefined && pod.status?.phase === 'Running';
}

/** Resolves once the pod stops serving, or when `signal` aborts. */
export async function podGone(client: ApiClient, watched: PodWatch, signal: AbortSignal): Promise<void> {
  let resourceVersion = watched.resourceVersion;
  const resource = `pod ${watched.namespace}/${watched.pod}`;
  while (!signal.aborted) {
    const verdict = new AbortController();
    let gone = false;
    const end = await client.watch(
      collectionPath(KINDS.Pod, watched.namespace),
      { verb: 'watch', resource, signal: AbortSignal.any([signal, verdict.signal]), query: { fieldSelector: `metadata.name=${watched.pod}`, resourceVersion, allowWatchBookmarks: true } },
      (event) => {
        const pod = event.object as PodObject;
        if (pod.metadata.resourceVersion !== undefined) resourceVersion = pod.metadata.resourceVersion;
        if (event.type === 'DELETED' || ((event.type === 'ADDED' || event.type === 'MODIFIED') && !serves(pod, watched.needsReady))) {
          gone = true;
          verdict.abort();
        }
      },
    );
    if (gone || signal.aborted) return;
    if (end.kind === 'error') await abortableSleep(RETRY_MS, signal);
    // The watch ended without a verdict (dropped, 410, error): read the pod as it is now.
    const current = await client.request(objectPath(KINDS.Pod, watched.namespace, watched.pod), { verb: 'get', resource, signal });
    if (!current.ok) {
      if (current.error.kind === 'notFound') return;
      await abortableSleep(RETRY_MS, signal);
      continue;
    }
    const pod = current.value as PodObject;
    if (!serves(pod, watched.needsReady)) return;
    resourceVersion = pod.metadata.resourceVersion ?? '';
  }
}
