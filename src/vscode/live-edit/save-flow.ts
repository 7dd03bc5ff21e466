// Saving a live document: our linter first (errors ask), a server-side dry run of the update, the
// diff of the live object against what the cluster would store, the user's confirmation, then the
// update (PUT) with the resourceVersion the document was opened at as its precondition. When someone
// changed the object meanwhile (409), nothing is overwritten: the user sees their change, re-applies
// the edit onto it (where it merges cleanly), or overwrites explicitly. Nothing of the object's
// content is logged; messages name fields by path, never their values.
import * as vscode from 'vscode';
import { loadCoreModule, type ClusterConnection } from '../bundle-loader.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { QUICK_TIMEOUT_MS } from '../commands/cancellable-progress.ts';
import type { CommandUi } from '../commands/command-ui.ts';
import { describeTarget, type Target } from '../commands/object-targets.ts';
import type { Action, Outcome } from '../commands/outcome.ts';
import type { ReadOnlyDocuments } from '../commands/read-only-documents.ts';
import { perform, report } from '../commands/run-command.ts';
import type { LiveEntry } from './live-file-system.ts';

type Json = Record<string, unknown>;

export interface SaveDeps {
  readonly ui: CommandUi;
  readonly lint: LintController;
  readonly diffs: ReadOnlyDocuments;
}

/** A save that did not happen: the document stays dirty and VS Code shows why. */
class NotSaved extends Error {}

/** Two read-only sides of a diff, the object shown as the document shows it. */
async function showDiff(deps: SaveDeps, target: Target, entry: LiveEntry, sides: readonly [Json, string, Json, string], title: string): Promise<void> {
  const { editText } = loadCoreModule();
  const [left, leftName, right, rightName] = sides;
  const base = `/${[target.context, target.ref.namespace || '_', target.ref.kind, target.ref.name].map(encodeURIComponent).join('/')}`;
  const stamp = Date.now();
  const leftUri = deps.diffs.set(`${base}.${leftName}-${stamp}.yaml`, editText(left, entry.decoded));
  const rightUri = deps.diffs.set(`${base}.${rightName}-${stamp}.yaml`, editText(right, entry.decoded));
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${describeTarget(target)}: ${title} (${target.context})`);
}

const outcomeValue = <T>(outcome: Outcome<T>): T => {
  if (!outcome.ok) throw new NotSaved(outcome.message);
  return outcome.value;
};

/** Lint errors in the document being saved ask before anything is sent. */
async function lintFirst(deps: SaveDeps, uri: vscode.Uri, action: Action): Promise<void> {
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
  if (document === undefined) return;
  await deps.lint.lintDocument(document);
  const errors = deps.lint.findingsFor(document).filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return;
  const go = await deps.ui.ask({ message: `${action.object} has ${errors.length} lint errors (${errors[0]!.ruleId}: ${errors[0]!.message}). Save anyway?`, choices: ['Save anyway'], warning: true });
  if (go !== 'Save anyway') throw new NotSaved(`${action.verb} ${action.object}: not saved, the lint errors stay to fix`);
}

type Attempt = { readonly saved: Json } | { readonly conflict: true };

/** Dry run, diff, confirmation, update; a 409 at either request is a conflict, not a failure. */
async function attempt(deps: SaveDeps, connection: ClusterConnection, target: Target, entry: LiveEntry, body: Json, live: Json, action: Action): Promise<Attempt> {
  const replace = (dryRun: boolean) => (signal: AbortSignal) => connection.operations.replace(target.ref, body, { dryRun, signal });
  const dry = await perform(deps.ui, { ...action, verb: 'Dry-run save of' }, replace(true), { timeoutMs: QUICK_TIMEOUT_MS, success: () => 'dry run accepted' });
  if (!dry.ok && dry.kind === 'conflict') return { conflict: true };
  const after = outcomeValue(dry) as Json;
  await showDiff(deps, target, entry, [live, 'live', after, 'after-save'], 'live ↔ after save');
  const confirmed = await deps.ui.ask({ message: `Save ${action.object} to context "${target.context}"?`, detail: 'The diff shows the live object and what the cluster would store.', choices: ['Save'], warning: false });
  if (confirmed !== 'Save') throw new NotSaved(`${action.verb} ${action.object}: not saved, cancelled at the diff`);
  const saved = await perform(deps.ui, action, replace(false), { timeoutMs: QUICK_TIMEOUT_MS, success: () => `Saved ${action.object} in context "${target.context}".` });
  if (!saved.ok && saved.kind === 'conflict') return { conflict: true };
  report(saved);
  return { saved: outcomeValue(saved) as Json };
}

const choices = { theirs: 'Show Their Change', reapply: 'Re-apply My Edit', overwrite: 'Overwrite' } as const;

/** What to send after a conflict, by the user's choice; rejects when they only look, or close. */
async function resolveConflict(deps: SaveDeps, connection: ClusterConnection, target: Target, entry: LiveEntry, edited: Json, action: Action): Promise<{ body: Json; live: Json }> {
  const read = await perform(deps.ui, { ...action, verb: 'Read' }, (signal) => connection.operations.get(target.ref, signal), { timeoutMs: QUICK_TIMEOUT_MS, success: () => 'read' });
  const now = outcomeValue(read) as Json;
  const { savePlan } = loadCoreModule();
  const merged = savePlan(entry.opened, edited, now);
  const overlap = merged.conflicts.length === 0 ? 'none of the fields you changed' : `both changed ${merged.conflicts.join(', ')}`;
  const answer = await deps.ui.ask({
    message: `${action.object} changed in context "${target.context}" since you opened it (${overlap}). Nothing was overwritten.`,
    detail: `${choices.theirs}: the object as opened ↔ as it is now. ${choices.reapply}: your edit onto it${merged.conflicts.length === 0 ? '' : ', their value kept where both changed'}. ${choices.overwrite}: your document as it is, over their change.`,
    choices: Object.values(choices),
    warning: true,
  });
  if (answer === choices.reapply) return { body: merged.body, live: now };
  if (answer === choices.overwrite) return { body: savePlan(now, edited, now).body, live: now };
  if (answer === choices.theirs) await showDiff(deps, target, entry, [entry.opened, 'opened', now, 'theirs'], 'as opened ↔ now');
  throw new NotSaved(`${action.verb} ${action.object}: not saved, it changed in the cluster since it was opened; save again to choose`);
}

/** At most this many conflicts in one save: a controller rewriting the object all the time is no race to win by retrying. */
const maxRounds = 3;

export async function saveLive(deps: SaveDeps, connection: ClusterConnection, target: Target, entry: LiveEntry, text: string, uri: vscode.Uri): Promise<Json> {
  const action: Action = { context: target.context, verb: 'Save', object: describeTarget(target) };
  if (entry.readOnly !== undefined) throw vscode.FileSystemError.NoPermissions(`${describeTarget(target)} is read-only here: ${entry.readOnly}`);
  const { parseEdited, savePlan } = loadCoreModule();
  const edited = parseEdited(text, entry.opened);
  if (!edited.ok) throw new NotSaved(`${action.verb} ${action.object}: ${edited.error}`);
  await lintFirst(deps, uri, action);
  let next = { body: savePlan(entry.opened, edited.value, entry.opened).body, live: entry.opened };
  for (let round = 0; round < maxRounds; round++) {
    const result = await attempt(deps, connection, target, entry, next.body, next.live, action);
    if ('saved' in result) return result.saved;
    next = await resolveConflict(deps, connection, target, entry, edited.value, action);
  }
  throw new NotSaved(`${action.verb} ${action.object}: not saved, it kept changing in the cluster (${maxRounds} conflicts)`);
}
