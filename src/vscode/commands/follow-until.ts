// The one loop that waits on the cluster for a command (a rollout ready, a Job done or failed): the
// judgement runs now and again on every change of the watched kinds in the connection's cache (the
// cache the Explorer reads, so no extra request), until it gives an answer or the signal aborts.
// Time-outs and Cancel belong to the caller's progress (run-command.ts), which aborts the signal.
import type { ClusterConnection, WatchedResource } from '../../cluster/index.ts';

/** The judgement's answer, or undefined when the signal aborted first. */
export function followUntil<T>(connection: Pick<ClusterConnection, 'onDidChange'>, resources: readonly WatchedResource[], judge: () => T | undefined, signal: AbortSignal): Promise<T | undefined> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (answer: T | undefined): void => {
      if (finished) return;
      finished = true;
      changes.dispose();
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
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
    else probe();
  });
}
