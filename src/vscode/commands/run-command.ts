// The one shape of a command's cluster work: it runs under a cancellable, timed progress
// notification (cancellable-progress.ts), ends as an Outcome whose message names the context, verb
// and object, and that message is shown (report). perform() and report() apart serve a command
// whose outcome decides a question first (Apply's conflict, after its dry run).
import * as vscode from 'vscode';
import type { Result } from '../../core/result.ts';
import type { ClusterError } from '../bundle-loader.ts';
import type { CommandUi } from './command-ui.ts';
import { underProgress } from './cancellable-progress.ts';
import { failed, type Action, type Outcome, type Problem } from './outcome.ts';

export type CommandWork<T> = (signal: AbortSignal, report: (message: string) => void) => PromiseLike<Result<T, ClusterError | Problem<T>>>;

export interface PerformOptions<T> {
  readonly timeoutMs: number;
  /** The message of a success: what was done, to what, where. */
  readonly success: (value: T) => string;
  /** What Cancel or the time-out leaves, said with them. */
  readonly leftBehind?: string;
  /** A Cancel from elsewhere (Stop Following Logs). */
  readonly cancel?: AbortSignal;
}

export async function perform<T>(ui: CommandUi, action: Action, work: CommandWork<T>, options: PerformOptions<T>): Promise<Outcome<T>> {
  const title = `${action.verb} ${action.object}`;
  const fromTests = ui.progressStarted(title);
  const cancel = options.cancel === undefined ? fromTests : AbortSignal.any([fromTests, options.cancel]);
  const ending = await underProgress(title, work, { timeoutMs: options.timeoutMs, cancel });
  const leftBehind = options.leftBehind ?? 'if the cluster already received the change, it stays';
  if (ending.status === 'cancelled') return failed(action, 'cancelled', `cancelled; ${leftBehind}.`);
  if (ending.status === 'timeout') return failed(action, 'timeout', `no end after ${Math.round(options.timeoutMs / 1000)} s, stopped waiting; ${leftBehind}.`);
  const result = ending.value;
  if (result.ok) return { ok: true, value: result.value, message: options.success(result.value) };
  const error = result.error;
  // The cluster's errors already name context, verb and resource; our own reasons get the action's frame.
  return 'reason' in error ? failed(action, error.kind, error.reason, error.value) : { ok: false, kind: error.kind, message: error.message };
}

/** A button offered with a failure message, and what it does. */
export interface FailureAction {
  readonly label: string;
  run(): unknown;
}

export interface ReportOptions<T> {
  /** Outcomes that need no notification: a document that opened, a log the user stopped following. */
  readonly quiet?: readonly ('done' | 'cancelled')[];
  readonly actions?: (outcome: Outcome<T>) => readonly FailureAction[];
}

/** Shows the outcome's message (not awaited: the command is done once it has said it) and returns the outcome. */
export function report<T>(outcome: Outcome<T>, options: ReportOptions<T> = {}): Outcome<T> {
  const status = outcome.ok ? 'done' : outcome.kind === 'cancelled' ? 'cancelled' : 'failed';
  if (status !== 'failed' && options.quiet?.includes(status) === true) return outcome;
  if (status === 'done') void vscode.window.showInformationMessage(outcome.message);
  else if (status === 'cancelled') void vscode.window.showWarningMessage(outcome.message);
  else {
    const actions = options.actions?.(outcome) ?? [];
    void vscode.window.showErrorMessage(outcome.message, ...actions.map((action) => action.label)).then((choice) => actions.find((action) => action.label === choice)?.run());
  }
  return outcome;
}

export async function runCommand<T>(ui: CommandUi, action: Action, work: CommandWork<T>, options: PerformOptions<T> & ReportOptions<T>): Promise<Outcome<T>> {
  return report(await perform(ui, action, work, options), options);
}
