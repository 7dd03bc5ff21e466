// Switch namespace, as `kubectl config set-context --current --namespace=NS`: the current context's
// namespace is set in the kubeconfig file that defines the context, by a text edit that keeps the rest.
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { nameFormats, nameProblem } from '../../core/validation/names.ts';
import { loadLintModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import { currentContext } from './object-targets.ts';

/** Namespaces seen in the current context's cache (workloads and pods), for the quick pick. */
function knownNamespaces(clusters: ClusterServiceHolder, context: string): string[] {
  const connection = clusters.get().connection(context);
  if (connection === undefined) return [];
  const names = new Set(connection.pods.indexValues('namespace'));
  for (const store of Object.values(connection.workloads)) for (const name of store.indexValues('namespace')) names.add(name);
  return [...names].sort();
}

async function askNamespace(clusters: ClusterServiceHolder, context: string, current: string): Promise<string | undefined> {
  const other = 'Other namespace…';
  const picked = await vscode.window.showQuickPick([...knownNamespaces(clusters, context).map((name) => ({ label: name, description: name === current ? 'current' : '' })), { label: other, description: '' }], {
    placeHolder: `Namespace for context "${context}"`,
  });
  if (picked?.label !== other) return picked?.label;
  return vscode.window.showInputBox({ prompt: 'Namespace', value: current, validateInput: (text) => nameProblem(text.trim(), nameFormats.label, 'namespace') });
}

async function switchNamespace(clusters: ClusterServiceHolder, namespace?: string): Promise<string | undefined> {
  const current = currentContext(clusters);
  if (current === undefined) return undefined;
  const context = current.name;
  const chosen = namespace ?? (await askNamespace(clusters, context, current.namespace));
  if (chosen === undefined) return undefined;
  const problem = nameProblem(chosen, nameFormats.label, 'namespace');
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  const { contextNamespaceEdit, applyTextEdit } = loadLintModule();
  // The first file that defines the context, as kubectl merges them.
  for (const file of current.files) {
    const text = await readFile(file, 'utf8');
    const edit = contextNamespaceEdit(text, context, chosen);
    if (!edit.ok && edit.reason.startsWith('the file defines no context')) continue;
    if (!edit.ok) {
      void vscode.window.showErrorMessage(`${file}: ${edit.reason}`);
      return undefined;
    }
    await writeFile(file, applyTextEdit(text, edit.edit));
    clusters.reload();
    void vscode.window.showInformationMessage(`Context "${context}" now uses namespace "${chosen}".`);
    return chosen;
  }
  void vscode.window.showErrorMessage(`No kubeconfig file defines context "${context}".`);
  return undefined;
}

export function registerNamespaceCommand(clusters: ClusterServiceHolder): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.switchNamespace, (namespace?: string) => switchNamespace(clusters, typeof namespace === 'string' ? namespace : undefined));
}
