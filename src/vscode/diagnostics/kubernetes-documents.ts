// Which editor documents are linted: YAML whose content holds a Kubernetes object (apiVersion and
// kind keys) that the user edits, whatever the file is called; other YAML (CI files, compose, Helm
// values) is left alone.
import type * as vscode from 'vscode';
import { LIVE_SCHEME } from '../ids.ts';

/**
 * The user's own manifests: files, unsaved editors and live objects opened for editing (Edit), which
 * the user is about to write back. Describe, log, diff and output documents show live state the user
 * does not edit, so their findings would only clutter Problems.
 */
const USER_SCHEMES = new Set(['file', 'untitled', LIVE_SCHEME]);
const API_VERSION = /^[ \t-]*apiVersion[ \t]*:/m;
const KIND = /^[ \t-]*kind[ \t]*:/m;

/** YAML the user writes (a file or an unsaved editor), Kubernetes or not. */
export function isUserYaml(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml' && USER_SCHEMES.has(document.uri.scheme);
}

export function isKubernetesDocument(document: vscode.TextDocument): boolean {
  if (!isUserYaml(document)) return false;
  const text = document.getText();
  return API_VERSION.test(text) && KIND.test(text);
}
