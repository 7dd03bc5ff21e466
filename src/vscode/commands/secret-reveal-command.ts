// Reveal one Secret key, from a Secret's Describe document: the user picks the key and confirms,
// then that key's decoded value (and nothing else) opens in its own read-only document. The value
// lives only in that document: it is never logged, and is forgotten when the document closes.
import * as vscode from 'vscode';
import { revealSecretKey, secretKeys } from '../../core/cluster/describe-secret.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands, DESCRIBE_SCHEME, SECRET_SCHEME } from '../ids.ts';
import { describedTarget } from './describe-command.ts';
import { describeTarget } from './object-targets.ts';

/** Answers given up front (tests): the key, and the confirmation. */
interface RevealAnswers {
  readonly key?: string;
  readonly confirmed?: boolean;
}

/** Revealed values by document URI, until their document closes. */
class RevealedValues implements vscode.TextDocumentContentProvider {
  readonly values = new Map<string, string>();
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.values.get(uri.toString()) ?? '# Closed: reveal the key again from the Secret\'s Describe document.\n';
  }
}

async function reveal(clusters: ClusterServiceHolder, revealed: RevealedValues, uri: vscode.Uri | undefined, answers: RevealAnswers): Promise<vscode.TextEditor | undefined> {
  const source = uri ?? vscode.window.activeTextEditor?.document.uri;
  const target = source?.scheme === DESCRIBE_SCHEME ? describedTarget(source) : undefined;
  if (target?.ref.kind !== 'Secret') {
    void vscode.window.showErrorMessage('Describe a Secret first, then reveal one of its keys from its document.');
    return undefined;
  }
  const read = await clusters.get().connect(target.context)?.operations.get(target.ref);
  if (read === undefined || !read.ok) {
    void vscode.window.showErrorMessage(read?.error.message ?? `Unknown context "${target.context}".`);
    return undefined;
  }
  const keys = secretKeys(read.value);
  const key = answers.key ?? (await vscode.window.showQuickPick(keys, { title: `Reveal a key of ${describeTarget(target)}` }));
  const value = key === undefined ? undefined : revealSecretKey(read.value, key);
  if (key === undefined || value === undefined) {
    if (key !== undefined) void vscode.window.showErrorMessage(`${describeTarget(target)} has no key "${key}".`);
    return undefined;
  }
  const yes = 'Reveal';
  const confirmed = answers.confirmed === true ? yes : await vscode.window.showWarningMessage(`Show the value of "${key}" of ${describeTarget(target)} in clear text?`, { modal: true, detail: 'Anyone who sees your screen will see it.' }, yes);
  if (confirmed !== yes) return undefined;
  const path = `/${[target.context, target.ref.namespace, target.ref.name, value.encoding === 'base64' ? `${key}.base64` : key].map(encodeURIComponent).join('/')}`;
  const document = vscode.Uri.from({ scheme: SECRET_SCHEME, path });
  revealed.values.set(document.toString(), value.text);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(document), { preview: false });
}

export function registerSecretRevealCommand(clusters: ClusterServiceHolder): vscode.Disposable {
  const revealed = new RevealedValues();
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(SECRET_SCHEME, revealed),
    vscode.workspace.onDidCloseTextDocument((document) => revealed.values.delete(document.uri.toString())),
    // From the editor's title bar the document's URI comes first; from the palette, nothing.
    vscode.commands.registerCommand(Commands.revealSecretKey, (uri?: vscode.Uri, answers?: RevealAnswers) => reveal(clusters, revealed, uri instanceof vscode.Uri ? uri : undefined, answers ?? {})),
    { dispose: () => revealed.values.clear() },
  );
}
