// Switch context, as `kubectl config use-context` does: the current-context line of the kubeconfig
// file that sets it (else the first file) is rewritten, so kubectl and the extension agree.
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { withCurrentContext } from '../../core/cluster/current-context-edit.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { Element } from '../explorer/elements.ts';
import { Commands } from '../ids.ts';

async function switchContext(clusters: ClusterServiceHolder, name?: string): Promise<string | undefined> {
  const config = clusters.get().config;
  if (!config.ok) {
    void vscode.window.showErrorMessage(config.error.message);
    return undefined;
  }
  const { contexts, currentContext, files } = config.value;
  const chosen =
    name ??
    (
      await vscode.window.showQuickPick(
        contexts.map((context) => ({ label: context.name, description: [context.name === currentContext ? 'current' : '', context.namespace].filter(Boolean).join(' · '), detail: context.server })),
        { placeHolder: 'Switch to which context?' },
      )
    )?.label;
  if (chosen === undefined) return undefined;
  if (!contexts.some((context) => context.name === chosen) || files.length === 0) {
    void vscode.window.showErrorMessage(`No context "${chosen}" in the kubeconfig.`);
    return undefined;
  }
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const index = Math.max(0, texts.findIndex((text) => /^current-context:/m.test(text)));
  await writeFile(files[index]!, withCurrentContext(texts[index]!, chosen));
  clusters.reload();
  void vscode.window.showInformationMessage(`Switched to context "${chosen}" (${files[index]}).`);
  return chosen;
}

export function registerContextCommands(clusters: ClusterServiceHolder): vscode.Disposable {
  // From the palette or a test: a name or nothing; from a context row's menu: the row.
  return vscode.commands.registerCommand(Commands.switchContext, (target?: string | Element) =>
    switchContext(clusters, typeof target === 'string' ? target : target?.type === 'context' ? target.context : undefined),
  );
}
