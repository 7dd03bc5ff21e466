// Reveal one Secret key, from a Secret's Describe document: the user picks the key and confirms
// (always: no argument skips it), then that key's decoded value (and nothing else) opens in its own
// read-only document. The value lives only in that document: it is never logged, nor in the
// command's outcome message, and is forgotten when the document closes.
import * as vscode from 'vscode';
import { revealSecretKey, secretKeys } from '../../core/cluster/describe-secret.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands, DESCRIBE_SCHEME, SECRET_SCHEME } from '../ids.ts';
import { QUICK_TIMEOUT_MS } from './cancellable-progress.ts';
import type { CommandUi } from './command-ui.ts';
import { describedTarget } from './describe-documents.ts';
import { runSteps } from './multi-step-input.ts';
import { describeTarget } from './object-targets.ts';
import { dismissed, failed, passOn, type Action, type Outcome } from './outcome.ts';
import { runCommand } from './run-command.ts';
import type { RevealedValues } from './secret-reveal-documents.ts';
import { blocking, type PickStep } from './step-flow.ts';


async function reveal(ui: CommandUi, clusters: ClusterServiceHolder, revealed: RevealedValues, uri: vscode.Uri | undefined): Promise<Outcome<vscode.TextEditor>> {
  const source = uri ?? vscode.window.activeTextEditor?.document.uri;
  const target = source?.scheme === DESCRIBE_SCHEME ? describedTarget(source) : undefined;
  const action: Action = { context: target?.context ?? '', verb: 'Reveal a key of', object: target === undefined ? 'a Secret' : describeTarget(target) };
  const connection = target === undefined ? undefined : clusters.get().connect(target.context);
  if (target?.ref.kind !== 'Secret' || connection === undefined) {
    void vscode.window.showErrorMessage('Describe a Secret first, then reveal one of its keys from its document.');
    return failed(action, 'invalid', 'it is no Secret described in this window');
  }
  const read = await runCommand(ui, action, (signal) => connection.operations.get(target.ref, signal), { timeoutMs: QUICK_TIMEOUT_MS, success: () => 'read', quiet: ['done'] });
  if (!read.ok) return passOn(read);
  const keys = secretKeys(read.value);
  const keyStep: PickStep<string> = {
    type: 'pick',
    name: 'key',
    prompt: () => 'The key whose value to show in clear text',
    choices: () => keys.map((key) => ({ label: key })),
    value: () => keys[0] ?? '',
    typed: (text) => blocking(`${describeTarget(target)} has no key "${text}".`),
    apply: (_, choice) => choice.label,
  };
  const key = await runSteps(ui, `Reveal a key of ${describeTarget(target)}`, [keyStep], '');
  const value = key === undefined ? undefined : revealSecretKey(read.value, key);
  if (key === undefined || value === undefined) return dismissed(action);
  const answer = await ui.ask({ message: `Show the value of "${key}" of ${describeTarget(target)} in clear text?`, detail: 'Anyone who sees your screen will see it.', choices: ['Reveal'], warning: true });
  if (answer !== 'Reveal') return dismissed(action);
  const path = `/${[target.context, target.ref.namespace, target.ref.name, value.encoding === 'base64' ? `${key}.base64` : key].map(encodeURIComponent).join('/')}`;
  const document = vscode.Uri.from({ scheme: SECRET_SCHEME, path });
  revealed.values.set(document.toString(), value.text);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(document), { preview: false });
  // The message names the key, never its value.
  return { ok: true, value: editor, message: `Revealed "${key}" of ${describeTarget(target)} in context "${target.context}".` };
}

export function registerSecretRevealCommand(clusters: ClusterServiceHolder, ui: CommandUi, revealed: RevealedValues): vscode.Disposable {
  // From the editor's title bar the document's URI comes first; from the palette, nothing.
  return vscode.commands.registerCommand(Commands.revealSecretKey, (uri?: vscode.Uri) => reveal(ui, clusters, revealed, uri instanceof vscode.Uri ? uri : undefined));
}
