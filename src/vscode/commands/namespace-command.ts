// Switch namespace, as `kubectl config set-context --current --namespace=NS`: the current context's
// namespace is set in the kubeconfig file that defines the context, by a text edit that keeps the rest.
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { nameFormats, nameProblem } from '../../core/validation/names.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { Element } from '../explorer/elements.ts';
import { Commands } from '../ids.ts';
import { askNamespace, namespacesOf } from './object-picks.ts';
import { currentContext } from './object-targets.ts';

async function switchNamespace(clusters: ClusterServiceHolder, namespace?: string): Promise<string | undefined> {
  const current = currentContext(clusters);
  if (current === undefined) return undefined;
  const context = current.name;
  const connection = clusters.get().connection(context);
  const known = connection === undefined ? [] : namespacesOf(connection);
  const chosen = namespace ?? (await askNamespace(known, current.namespace, `Namespace for context "${context}"`, 'Other namespace…'))?.name;
  if (chosen === undefined) return undefined;
  const problem = nameProblem(chosen, nameFormats.label, 'namespace');
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  const { contextNamespaceEdit, applyTextEdit } = loadCoreModule();
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
  // From the palette or a test: a name or nothing; from a namespace row's menu: the row.
  return vscode.commands.registerCommand(Commands.switchNamespace, (target?: string | Element) =>
    switchNamespace(clusters, typeof target === 'string' ? target : target?.type === 'namespace' ? target.namespace : undefined),
  );
}
