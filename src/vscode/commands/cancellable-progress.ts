// One request under a cancellable notification: Cancel aborts the request and frees the user at once.
// Quick requests finish before the notification is even drawn.
import * as vscode from 'vscode';

/**
 * The work's result, or undefined when the user cancelled (the work's signal is aborted then).
 * `cancel` is a Cancel from elsewhere, handled like the notification's button (tests press it).
 */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Thenable<T>, cancel?: AbortSignal): Thenable<T | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const stop = new AbortController();
    let subscription: vscode.Disposable | undefined;
    const cancelled = new Promise<undefined>((resolve) => {
      const stopNow = (): void => {
        stop.abort();
        resolve(undefined);
      };
      subscription = token.onCancellationRequested(stopNow);
      if (cancel?.aborted === true) stopNow();
      else cancel?.addEventListener('abort', stopNow, { once: true });
    });
    try {
      return await Promise.race([work(stop.signal), cancelled]);
    } finally {
      subscription?.dispose();
    }
  });
}
