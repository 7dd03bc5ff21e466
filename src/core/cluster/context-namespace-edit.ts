// `kubectl config set-context --current --namespace=NS` as a text edit of a kubeconfig: the context's
// namespace is replaced, or added under it at its indentation; comments and credentials stay.
import { createLintFile } from '../lint/engine.ts';
import { setPathEdit } from '../lint/edits.ts';
import { objectsOf } from '../lint/objects.ts';
import type { TextEdit } from '../lint/types.ts';
import { asList, asMapping } from '../lint/values.ts';

export type NamespaceEdit = { readonly ok: true; readonly edit: TextEdit } | { readonly ok: false; readonly reason: string };

export function contextNamespaceEdit(kubeconfig: string, contextName: string, namespace: string): NamespaceEdit {
  const [config] = objectsOf(createLintFile('kubeconfig', kubeconfig));
  if (config === undefined) return { ok: false, reason: 'the file holds no kubeconfig' };
  const entry = asList(config.value['contexts']).map(asMapping).find((candidate) => candidate?.['name'] === contextName);
  if (entry === undefined) return { ok: false, reason: `the file defines no context "${contextName}"` };
  const edit = setPathEdit(config, entry, ['context', 'namespace'], namespace);
  return edit === undefined ? { ok: false, reason: `context "${contextName}" is written in flow style ({...}): set its namespace by hand` } : { ok: true, edit };
}

/** The text with the edit applied. */
export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}
