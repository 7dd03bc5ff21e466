// Code actions as the lightbulb gets them, for suites that check quick fixes.
import * as vscode from 'vscode';

/** Asks at most this many times: one change of the provider list per extension that activates. */
const maxAsks = 3;

/**
 * The code actions VS Code offers for `range` of `uri` (of `kind` when given). VS Code cancels a
 * code-action request when the list of providers for the document changes meanwhile (an extension the
 * suites woke, such as Markdown's when a suite opens docs/rules.md, registers its providers late) and
 * answers it with no actions at all; the lightbulb asks again on its next move, and so does this, while
 * the answer is empty. A provider that offers nothing still fails the caller's assertion.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  let actions: vscode.CodeAction[] = [];
  for (let ask = 0; ask < maxAsks && actions.length === 0; ask += 1) {
    actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind?.value);
  }
  return actions;
}
