// For service tests: waiting on a connection, re-checked on each of its cache and sync state changes.
import type { ClusterConnection } from './cluster-connection.ts';

/** Resolves once `check` holds; rejects naming `what` after `timeoutMs`. */
export function connectionUntil(connection: ClusterConnection, check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscriptions.forEach((subscription) => subscription.dispose());
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const probe = (): void => {
      if (!check()) return;
      clearTimeout(timer);
      subscriptions.forEach((subscription) => subscription.dispose());
      resolve();
    };
    const subscriptions = [connection.onDidChange(probe), connection.onDidChangeState(probe)];
    probe();
  });
}
