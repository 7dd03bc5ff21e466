// The documents a revealed Secret key opens in: each value lives only in its document and is forgotten
// when it closes. Registered at activation, so a tab VS Code restores says how to reveal the key again
// (the value itself is never restored); the command that reveals is in secret-reveal-command.ts.
import * as vscode from 'vscode';
import { SECRET_SCHEME } from '../ids.ts';

/** Revealed values by document URI, until their document closes. */
export class RevealedValues implements vscode.TextDocumentContentProvider {
  readonly values = new Map<string, string>();
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.values.get(uri.toString()) ?? '# Closed: reveal the key again from the Secret\'s Describe document.\n';
  }
}

export function registerSecretRevealDocuments(): { revealed: RevealedValues; disposable: vscode.Disposable } {
  const revealed = new RevealedValues();
  return {
    revealed,
    disposable: vscode.Disposable.from(
      vscode.workspace.registerTextDocumentContentProvider(SECRET_SCHEME, revealed),
      vscode.workspace.onDidCloseTextDocument((document) => revealed.values.delete(document.uri.toString())),
      { dispose: () => revealed.values.clear() },
    ),
  };
}
