// Which editor documents are linted: YAML whose content holds a Kubernetes object (apiVersion and
// kind keys), whatever the file is called; other YAML (CI files, compose, Helm values) is left alone.
import type * as vscode from 'vscode';

const API_VERSION = /^[ \t-]*apiVersion[ \t]*:/m;
const KIND = /^[ \t-]*kind[ \t]*:/m;

export function isKubernetesDocument(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'yaml' || document.uri.scheme === 'output') return false;
  const text = document.getText();
  return API_VERSION.test(text) && KIND.test(text);
}
