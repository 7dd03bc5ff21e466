// What every command returns, and what tests read instead of notifications: done, with its value and
// the message it showed, or failed with a kind and a message naming the context, verb and object.
// Closing a question or pressing Cancel is a failure of kind 'cancelled'.
import type { ClusterErrorKind } from '../../cluster/index.ts';

export type FailureKind = ClusterErrorKind | 'cancelled' | 'stuck' | 'failed';

export type Outcome<T = undefined> =
  | { readonly ok: true; readonly value: T; readonly message: string }
  | { readonly ok: false; readonly kind: FailureKind; readonly message: string; readonly value?: T };

/** What a command does to what, where: every message of the command names them. */
export interface Action {
  readonly context: string;
  /** Capitalised, as a title starts: "Scale", "Deploy", "Follow the logs of". */
  readonly verb: string;
  /** "Deployment shop/web". */
  readonly object: string;
}

/** A failure in the command's own words (a stuck pod, a failed Job), framed by its action when reported. */
export interface Problem<T> {
  readonly kind: FailureKind;
  readonly reason: string;
  readonly value?: T;
}

export function problem<T>(kind: FailureKind, reason: string, value?: T): Problem<T> {
  return { kind, reason, ...(value === undefined ? {} : { value }) };
}

export function failed<T>(action: Action, kind: FailureKind, reason: string, value?: T): Outcome<T> {
  const where = action.context === '' ? '' : ` in context "${action.context}"`;
  return { ok: false, kind, message: `${action.verb} ${action.object}${where}: ${reason}`, ...(value === undefined ? {} : { value }) };
}

/** The user closed a question: nothing was sent, nothing needs saying. */
export function dismissed<T>(action: Action): Outcome<T> {
  return failed(action, 'cancelled', 'cancelled before anything was sent');
}

/** A failure passed on by a later stage whose value is of another type. */
export function passOn<T>(outcome: Extract<Outcome<unknown>, { ok: false }>): Outcome<T> {
  return { ok: false, kind: outcome.kind, message: outcome.message };
}
