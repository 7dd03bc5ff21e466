// Which editor documents are kustomizations (by file name, as kubectl finds them in a folder): the
// activation bundle asks before it loads the renders.
import type * as vscode from 'vscode';

const KUSTOMIZATION = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && KUSTOMIZATION.test(document.uri.path);
}
