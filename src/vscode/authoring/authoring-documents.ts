// Which documents get completion and hover: those the linter handles (YAML with apiVersion and kind),
// and a YAML file or document still empty or where `apiVersion:` is being typed.
import type * as vscode from 'vscode';
import { isKubernetesDocument, isUserYaml } from '../diagnostics/kubernetes-documents.ts';

/** The text of the `---`-separated document around `offset`. */
function documentAround(text: string, offset: number): string {
  const before = text.lastIndexOf('\n---', offset - 1);
  const after = text.indexOf('\n---', offset);
  return text.slice(before < 0 ? 0 : before + 4, after < 0 ? text.length : after);
}

export function isAuthoringDocument(document: vscode.TextDocument, position: vscode.Position): boolean {
  if (isKubernetesDocument(document)) return true;
  if (!isUserYaml(document)) return false;
  const around = documentAround(document.getText(), document.offsetAt(position)).trim();
  // Nothing yet, or the first key being typed: `a`, `apiVer`, `apiVersion: `, `kind: `.
  return around === '' || /^(?:[a-zA-Z]{1,10}|apiVersion:.*|kind:.*)$/.test(around);
}
