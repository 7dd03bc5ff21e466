// Apply current manifest: lint first (errors stop it unless the user goes on), a server-side dry run
// of every object, a diff of live against what the cluster would store, then the apply itself as
// field manager kube-workbench, both under runCommand's progress. A conflict with another manager is
// shown with its fields and an explicit "Force" choice. The applied workloads' rollouts are followed
// briefly (apply-follow.ts): the message says they are ready, or why they are stuck, in their events' words.
import * as vscode from 'vscode';
import { formatObjectName, objectNameOf } from '../../core/cluster/object-ref.ts';
import { ok, type Result } from '../../core/result.ts';
import { fitQuestion, manifestFit } from '../allocator/manifest-fit.ts';
import { loadCoreModule, type ClusterConnection, type ClusterError } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { APPLY_SCHEME, Commands } from '../ids.ts';
import { appliedWorkloads, followRollouts, rolloutSentences, type RolloutEnd } from './apply-follow.ts';
import { QUICK_TIMEOUT_MS } from './cancellable-progress.ts';
import type { CommandUi } from './command-ui.ts';
import { connectCurrent } from './current-connection.ts';
import { dismissed, failed, passOn, type Action, type Outcome } from './outcome.ts';
import { ReadOnlyDocuments } from './read-only-documents.ts';
import { perform, report } from './run-command.ts';

export interface Applied {
  /** "Kind namespace/name" of each object applied. */
  readonly applied: readonly string[];
  /** How each workload's replicas fit the nodes' free capacity, as the confirmation said. */
  readonly fit: readonly string[];
  /** How each applied workload's rollout stood at the end of the follow-up; absent when none was applied. */
  readonly rollout?: readonly RolloutEnd[];
}

type Manifest = Record<string, unknown>;

/** The Kubernetes objects of a YAML text: each document, and the items of a `kind: List`. */
function objectsOf(text: string): Manifest[] {
  const documents = loadCoreModule().createLintFile('apply.yaml', text).parsed.documents;
  const isObject = (value: unknown): value is Manifest => typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value;
  return documents.flatMap((document) => {
    const value = document.value;
    if (!isObject(value)) return [];
    return value['kind'] === 'List' && Array.isArray(value['items']) ? value['items'].filter(isObject) : [value];
  });
}

const label = (object: Manifest): string => formatObjectName(objectNameOf(object));

/** What the diff shows of an object: no managedFields, no server bookkeeping that always differs. */
function comparable(object: unknown): string {
  const { describeObject, toYaml } = loadCoreModule();
  const shown = describeObject(object) as Manifest | undefined;
  if (shown === undefined || typeof shown !== 'object') return '';
  const { resourceVersion: _rv, generation: _generation, ...metadata } = (shown['metadata'] ?? {}) as Record<string, unknown>;
  return toYaml({ ...shown, metadata });
}

/** Applies every object (a dry run, or for real); the first refusal is the result. */
async function applyAll(connection: ClusterConnection, objects: readonly Manifest[], force: boolean, dryRun: boolean): Promise<Result<unknown[], ClusterError>> {
  const results = await Promise.all(objects.map((object) => connection.operations.apply(object, { force, dryRun })));
  const refused = results.find((result) => !result.ok);
  return refused === undefined ? ok(results.map((result) => (result.ok ? result.value : undefined))) : refused;
}

/** Opens the diff of what the cluster holds against what it would hold after the apply. */
async function showDiff(documents: ReadOnlyDocuments, connection: ClusterConnection, objects: readonly Manifest[], after: readonly unknown[], context: string): Promise<void> {
  const live = await Promise.all(objects.map((object) => connection.operations.get(objectNameOf(object))));
  const stamp = Date.now();
  const left = documents.set(`/live-${stamp}.yaml`, live.map((result) => (result.ok ? comparable(result.value) : '')).join('---\n'));
  const right = documents.set(`/applied-${stamp}.yaml`, after.map(comparable).join('---\n'));
  await vscode.commands.executeCommand('vscode.diff', left, right, `Live ↔ after apply (${context})`);
}

async function apply(ui: CommandUi, clusters: ClusterServiceHolder, lint: LintController, documents: ReadOnlyDocuments): Promise<Outcome<Applied>> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showErrorMessage('Open the manifest to apply.');
    return failed({ context: '', verb: 'Apply', object: 'the current manifest' }, 'failed', 'no manifest is open');
  }
  await lint.lintDocument(editor.document);
  const errors = lint.findingsFor(editor.document).filter((finding) => finding.severity === 'error');
  const objects = objectsOf(editor.document.getText());
  const object = objects.length === 1 ? label(objects[0]!) : `${objects.length} objects`;
  const where = connectCurrent<Applied>(clusters, 'Apply', object, ' to apply to');
  if ('ok' in where) return where;
  const { current, connection } = where;
  const context = current.name;
  const action: Action = { context, verb: 'Apply', object };
  if (objects.length === 0) return failed(action, 'invalid', 'the document holds no Kubernetes object');
  if (errors.length > 0) {
    const go = await ui.ask({ message: `The manifest has ${errors.length} lint errors (${errors[0]!.ruleId}: ${errors[0]!.message}). Apply anyway?`, choices: ['Apply anyway'], warning: true });
    if (go !== 'Apply anyway') return dismissed(action);
  }
  const dryRun = (force: boolean): Promise<Outcome<unknown[]>> => perform(ui, { ...action, verb: 'Dry-run apply' }, () => applyAll(connection, objects, force, true), { timeoutMs: QUICK_TIMEOUT_MS, success: () => 'dry run accepted' });
  let force = false;
  let dry = await dryRun(force);
  // A conflict names the other manager's fields: the user may take them over, explicitly.
  if (!dry.ok && dry.kind === 'conflict') {
    if ((await ui.ask({ message: dry.message, choices: ['Force'], warning: true })) !== 'Force') return passOn(dry);
    force = true;
    dry = await dryRun(force);
  }
  if (!dry.ok) return report(passOn(dry));
  await showDiff(documents, connection, objects, dry.value, context);
  const fit = manifestFit(connection, objects, current.namespace || 'default');
  if ((await ui.ask(fitQuestion(`Apply ${objects.length} objects to context "${context}"?`, fit, 'Apply'))) !== 'Apply') return dismissed(action);
  const applied = objects.map(label);
  const outcome = await perform(ui, action, async (signal, progress) => {
    const result = await applyAll(connection, objects, force, false);
    if (!result.ok) return result;
    const rollout = await followRollouts(connection, appliedWorkloads(result.value), signal, progress);
    return ok({ applied, fit: fit.map((summary) => summary.text), ...(rollout.length === 0 ? {} : { rollout }) });
  }, { timeoutMs: QUICK_TIMEOUT_MS, success: ({ rollout }) => `Applied ${applied.join(', ')} to context "${context}".${rolloutSentences(rollout ?? [])}` });
  // The apply went through, but a workload that will not run is worth a warning, not an information.
  if (outcome.ok && outcome.value.rollout?.some(({ state }) => state === 'stuck' || state === 'failed') === true) {
    void vscode.window.showWarningMessage(outcome.message);
    return outcome;
  }
  return report(outcome);
}

export function registerApplyCommand(clusters: ClusterServiceHolder, lint: LintController, ui: CommandUi): vscode.Disposable {
  const documents = new ReadOnlyDocuments(APPLY_SCHEME);
  return vscode.Disposable.from(documents, vscode.commands.registerCommand(Commands.apply, () => apply(ui, clusters, lint, documents)));
}
