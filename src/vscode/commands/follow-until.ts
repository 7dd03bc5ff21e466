// The one loop that waits on the cluster for a command (a rollout ready, a Job done or failed): the
// judgement runs now and again on every change of the watched kinds in the connection's cache (the
// cache the Explorer reads, so no extra request), and on the event cache's changes when 'events' is
// among the kinds (a FailedScheduling event may land after the pod's status), until it gives an
// answer or the signal aborts.
// Time-outs and Cancel belong to the caller's progress (run-command.ts), which aborts the signal.
import type { ClusterConnection, EventCache, WatchedResource } from '../../cluster/index.ts';

/** A connection's change streams; the event cache's is optional (tests leave it out). */
export type Followed = Pick<ClusterConnection, 'onDidChange'> & { readonly events?: Pick<EventCache, 'onDidChange'> };

/** The judgement's answer, or undefined when the signal aborted first. */
export function followUntil<T>(connection: Followed, resources: readonly WatchedResource[], judge: () => T | undefined, signal: AbortSignal): Promise<T | undefined> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (answer: T | undefined): void => {
      if (finished) return;
      finished = true;
      changes.dispose();
      events?.dispose();
      signal.removeEventListener('abort', stop);
      resolve(answer);
    };
    const stop = (): void => finish(undefined);
    const probe = (): void => {
      const answer = judge();
      if (answer !== undefined) finish(answer);
    };
    const changes = connection.onDidChange(({ resource }) => {
      if (resources.includes(resource)) probe();
    });
    const events = resources.includes('events') ? connection.events?.onDidChange(probe) : undefined;
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
    else probe();
  });
}
