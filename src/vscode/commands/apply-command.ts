// Apply current manifest: lint first (errors stop it unless the user goes on), a server-side dry run
// of every object, a diff of live against what the cluster would store, then the apply itself as
// field manager kube-workbench. A conflict with another manager is shown with its fields and an
// explicit "Force" choice.
import * as vscode from 'vscode';
import { formatObjectName, objectNameOf } from '../../core/cluster/object-ref.ts';
import { loadLintModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { APPLY_SCHEME, Commands } from '../ids.ts';
import { confirmWithFit, manifestFit } from '../allocator/manifest-fit.ts';
import { currentContext } from './object-targets.ts';

export interface ApplyResult {
  readonly ok: boolean;
  /** "Kind namespace/name" of each object applied. */
  readonly applied: readonly string[];
  readonly reason?: string;
  /** How each workload's replicas fit the nodes' free capacity, as the confirmation said. */
  readonly fit?: readonly string[];
}

interface ApplyOptions {
  /** Skips the questions (tests): go on despite lint errors, apply without the diff's confirmation. */
  readonly confirmed?: boolean;
  readonly force?: boolean;
}

type Manifest = Record<string, unknown>;

/** The Kubernetes objects of a YAML text: each document, and the items of a `kind: List`. */
function objectsOf(text: string): Manifest[] {
  const documents = loadLintModule().createLintFile('apply.yaml', text).parsed.documents;
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
  const { describeObject, toYaml } = loadLintModule();
  const shown = describeObject(object) as Manifest | undefined;
  if (shown === undefined || typeof shown !== 'object') return '';
  const { resourceVersion: _rv, generation: _generation, ...metadata } = (shown['metadata'] ?? {}) as Record<string, unknown>;
  return toYaml({ ...shown, metadata });
}

class ApplyDocuments implements vscode.TextDocumentContentProvider {
  readonly contents = new Map<string, string>();
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}

async function apply(clusters: ClusterServiceHolder, lint: LintController, documents: ApplyDocuments, options: ApplyOptions): Promise<ApplyResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showErrorMessage('Open the manifest to apply.');
    return undefined;
  }
  await lint.lintDocument(editor.document);
  const errors = lint.findingsFor(editor.document).filter((finding) => finding.severity === 'error');
  if (errors.length > 0 && options.confirmed !== true) {
    const choice = await vscode.window.showWarningMessage(`The manifest has ${errors.length} lint errors (${errors[0]!.ruleId}: ${errors[0]!.message}). Apply anyway?`, { modal: true }, 'Apply anyway');
    if (choice !== 'Apply anyway') return undefined;
  }
  const current = currentContext(clusters, ' to apply to');
  const context = current?.name;
  const connection = context === undefined ? undefined : clusters.get().connect(context);
  if (current === undefined || context === undefined || connection === undefined) return undefined;
  const objects = objectsOf(editor.document.getText());
  const run = (force: boolean, dryRun: boolean) => Promise.all(objects.map((object) => connection.operations.apply(object, { fieldManager: 'kube-workbench', force, dryRun })));
  const force = options.force === true;
  const dry = await run(force, true);
  const failed = dry.findIndex((result) => !result.ok);
  if (failed >= 0) {
    const error = (dry[failed] as { ok: false; error: { kind: string; message: string } }).error;
    if (error.kind === 'conflict' && options.confirmed !== true) {
      const choice = await vscode.window.showWarningMessage(`${label(objects[failed]!)}: ${error.message}`, { modal: true }, 'Force');
      if (choice === 'Force') return apply(clusters, lint, documents, { ...options, force: true, confirmed: true });
    } else void vscode.window.showErrorMessage(`${label(objects[failed]!)}: ${error.message}`);
    return { ok: false, applied: [], reason: error.message };
  }
  const fit = manifestFit(connection, objects, current.namespace || 'default');
  if (options.confirmed !== true) {
    const live = await Promise.all(objects.map((object) => connection.operations.get(objectNameOf(object))));
    const stamp = Date.now();
    const left = vscode.Uri.from({ scheme: APPLY_SCHEME, path: `/live-${stamp}.yaml` });
    const right = vscode.Uri.from({ scheme: APPLY_SCHEME, path: `/applied-${stamp}.yaml` });
    documents.contents.set(left.toString(), live.map((result) => (result.ok ? comparable(result.value) : '')).join('---\n'));
    documents.contents.set(right.toString(), dry.map((result) => (result.ok ? comparable(result.value) : '')).join('---\n'));
    await vscode.commands.executeCommand('vscode.diff', left, right, `Live ↔ after apply (${context})`);
    const choice = await confirmWithFit(`Apply ${objects.length} objects to context "${context}"?`, fit, 'Apply');
    if (choice !== 'Apply') return undefined;
  }
  const results = await run(force, false);
  const rejected = results.find((result) => !result.ok);
  if (rejected !== undefined && !rejected.ok) {
    void vscode.window.showErrorMessage(rejected.error.message);
    return { ok: false, applied: [], reason: rejected.error.message };
  }
  const applied = objects.map(label);
  void vscode.window.showInformationMessage(`Applied ${applied.join(', ')} to "${context}".`);
  return { ok: true, applied, fit: fit.map((summary) => summary.text) };
}

export function registerApplyCommand(clusters: ClusterServiceHolder, lint: LintController): vscode.Disposable {
  const documents = new ApplyDocuments();
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(APPLY_SCHEME, documents),
    vscode.commands.registerCommand(Commands.apply, (options?: ApplyOptions) => apply(clusters, lint, documents, options ?? {})),
  );
}
