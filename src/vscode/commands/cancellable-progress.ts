// One request under a cancellable notification: Cancel aborts the request and frees the user at once.
// Quick requests finish before the notification is even drawn.
import * as vscode from 'vscode';

/** The work's result, or undefined when the user cancelled (the work's signal is aborted then). */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Thenable<T>): Thenable<T | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const stop = new AbortController();
    let subscription: vscode.Disposable | undefined;
    const cancelled = new Promise<undefined>((resolve) => {
      subscription = token.onCancellationRequested(() => {
        stop.abort();
        resolve(undefined);
      });
    });
    try {
      return await Promise.race([work(stop.signal), cancelled]);
    } finally {
      subscription?.dispose();
    }
  });
}
