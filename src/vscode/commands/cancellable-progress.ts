// Work under a cancellable notification: Cancel (the notification's button, a Stop command, a test)
// or the time-out aborts the work's signal and frees the user at once; the signal is aborted when the
// notification ends, whatever ended it, so streams the work opened close with it. Quick work
// finishes before the notification is even drawn.
import * as vscode from 'vscode';

/** How long a single request may take: one that has had a minute has had its chance. */
export const QUICK_TIMEOUT_MS = 60_000;

export type Ending<T> = { readonly status: 'done'; readonly value: T } | { readonly status: 'cancelled' } | { readonly status: 'timeout' };

export interface ProgressOptions {
  /** Gives up after this long; Infinity (a log being followed) never does. */
  readonly timeoutMs: number;
  /** A Cancel from elsewhere, handled like the notification's button. */
  readonly cancel?: AbortSignal | undefined;
}

export type ProgressWork<T> = (signal: AbortSignal, report: (message: string) => void) => PromiseLike<T>;

export function underProgress<T>(title: string, work: ProgressWork<T>, options: ProgressOptions): Thenable<Ending<T>> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const stop = new AbortController();
    const disposables: (() => void)[] = [];
    const interrupted = new Promise<Ending<T>>((resolve) => {
      const end = (ending: Ending<T>) => (): void => {
        stop.abort();
        resolve(ending);
      };
      const cancelled = end({ status: 'cancelled' });
      const subscription = token.onCancellationRequested(cancelled);
      disposables.push(() => subscription.dispose());
      if (options.cancel?.aborted === true) cancelled();
      options.cancel?.addEventListener('abort', cancelled, { once: true });
      disposables.push(() => options.cancel?.removeEventListener('abort', cancelled));
      if (Number.isFinite(options.timeoutMs)) {
        const timer = setTimeout(end({ status: 'timeout' }), options.timeoutMs);
        disposables.push(() => clearTimeout(timer));
      }
    });
    const report = (message: string): void => progress.report({ message });
    try {
      return await Promise.race([Promise.resolve(work(stop.signal, report)).then((value): Ending<T> => ({ status: 'done', value })), interrupted]);
    } finally {
      for (const dispose of disposables) dispose();
      stop.abort();
    }
  });
}

/** One request, for commands that only need its value or undefined when cancelled (Describe). */
export async function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Thenable<T>, cancel?: AbortSignal): Promise<T | undefined> {
  const ending = await underProgress(title, (signal) => work(signal), { timeoutMs: QUICK_TIMEOUT_MS, cancel });
  return ending.status === 'done' ? ending.value : undefined;
}
