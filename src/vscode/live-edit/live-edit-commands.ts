// Edit: a live object opened as YAML in a kubernetes: document (live-files.ts), saved back
// through save-flow.ts; read-only, with the reason naming the verb, for a user who may not update
// it; a Secret decoded only after a modal confirmation. Save as Manifest: the object as a
// hand-written manifest reads (server defaults dropped), written where the user chooses.
import * as vscode from 'vscode';
import { loadCoreModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands, LIVE_SCHEME } from '../ids.ts';
import { QUICK_TIMEOUT_MS } from '../commands/cancellable-progress.ts';
import type { CommandUi } from '../commands/command-ui.ts';
import { ALL_KINDS, resolveTarget, type TargetArgument } from '../commands/object-picks.ts';
import { describeTarget, type Target } from '../commands/object-targets.ts';
import { dismissed, failed, passOn, type Action, type Outcome } from '../commands/outcome.ts';
import { runCommand } from '../commands/run-command.ts';
import type { LiveFileSystem } from './live-file-system.ts';
import { readOnlyReason } from './live-files.ts';
import { liveTarget, liveUri } from './live-uri.ts';

type Json = Record<string, unknown>;

const EDIT_KINDS = [...ALL_KINDS, 'Secret'] as const;

/** The object behind a tree row, the palette's answers, or a live document (its editor title, or the active editor). */
async function targetFrom(clusters: ClusterServiceHolder, argument: TargetArgument | vscode.Uri, question: string): Promise<Target | undefined> {
  const uri = argument instanceof vscode.Uri ? argument : argument === undefined ? vscode.window.activeTextEditor?.document.uri : undefined;
  if (uri?.scheme === LIVE_SCHEME) return liveTarget(uri);
  return resolveTarget(clusters, argument instanceof vscode.Uri ? undefined : argument, EDIT_KINDS, question);
}

/** Reads the object under the command's progress. */
async function read(ui: CommandUi, clusters: ClusterServiceHolder, target: Target, action: Action): Promise<Outcome<Json>> {
  const connection = clusters.get().connect(target.context);
  if (connection === undefined) return failed(action, 'kubeconfig', 'the context is not in the kubeconfig');
  const outcome = await runCommand(ui, { ...action, verb: 'Read' }, (signal) => connection.operations.get(target.ref, signal), { timeoutMs: QUICK_TIMEOUT_MS, success: () => 'read', quiet: ['done'] });
  return outcome.ok ? { ...outcome, value: outcome.value as Json } : passOn(outcome);
}

async function edit(ui: CommandUi, clusters: ClusterServiceHolder, files: LiveFileSystem, argument: TargetArgument | vscode.Uri): Promise<Outcome<vscode.TextEditor>> {
  const target = await targetFrom(clusters, argument, 'Edit which object?');
  const action: Action = { context: target?.context ?? '', verb: 'Edit', object: target === undefined ? 'an object' : describeTarget(target) };
  if (target === undefined) return dismissed(action);
  let decoded = false;
  if (target.ref.kind === 'Secret') {
    const answer = await ui.ask({ message: `Open ${action.object} with its values decoded?`, detail: 'They show in clear text in the editor (never in logs) and are saved back encoded.', choices: ['Decode', 'Keep Encoded'], warning: true });
    if (answer === undefined) return dismissed(action);
    decoded = answer === 'Decode';
  }
  const object = await read(ui, clusters, target, action);
  if (!object.ok) return passOn(object);
  const readOnly = await readOnlyReason(clusters, target);
  const uri = liveUri(target);
  files.open(uri, { opened: object.value, decoded, readOnly });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  if (readOnly === undefined) return { ok: true, value: editor, message: `Editing ${action.object} in context "${target.context}": saving updates it.` };
  const message = `${action.object} in context "${target.context}" opened read-only: ${readOnly}.`;
  void vscode.window.showWarningMessage(message);
  return { ok: true, value: editor, message };
}

/** A workspace file for the manifest, as the user chooses it. */
function proposedFile(target: Target): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder === undefined ? undefined : vscode.Uri.joinPath(folder, `${target.ref.name}-${target.ref.kind.toLowerCase()}.yaml`);
}

async function saveAsManifest(ui: CommandUi, clusters: ClusterServiceHolder, argument: TargetArgument | vscode.Uri): Promise<Outcome<vscode.Uri>> {
  const target = await targetFrom(clusters, argument, 'Save which object as a manifest?');
  const action: Action = { context: target?.context ?? '', verb: 'Save as a manifest', object: target === undefined ? 'an object' : describeTarget(target) };
  if (target === undefined) return dismissed(action);
  if (target.ref.kind === 'Secret') {
    const answer = await ui.ask({ message: `Write the data of ${action.object} into a file?`, detail: 'Its values are base64 in the file: encoded, not encrypted.', choices: ['Write'], warning: true });
    if (answer !== 'Write') return dismissed(action);
  }
  const object = await read(ui, clusters, target, action);
  if (!object.ok) return passOn(object);
  const file = await ui.saveTo(proposedFile(target));
  if (file === undefined) return dismissed(action);
  const { manifestOf, toYaml } = loadCoreModule();
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(toYaml(manifestOf(object.value))));
  await vscode.window.showTextDocument(file, { preview: false });
  return { ok: true, value: file, message: `Saved ${action.object} of context "${target.context}" as ${vscode.workspace.asRelativePath(file)}.` };
}

export function registerLiveEditCommands(clusters: ClusterServiceHolder, ui: CommandUi, files: LiveFileSystem): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.editObject, (argument?: TargetArgument | vscode.Uri) => edit(ui, clusters, files, argument)),
    vscode.commands.registerCommand(Commands.saveAsManifest, (argument?: TargetArgument | vscode.Uri) => saveAsManifest(ui, clusters, argument)),
  );
}
