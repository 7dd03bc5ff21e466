import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, sep } from 'node:path';
import * as vscode from 'vscode';
import { kubeconfigPaths } from '../../core/cluster/kubeconfig-paths.ts';
import { readConfig } from '../config.ts';
import { CONFIG_SECTION, Commands, Settings } from '../ids.ts';

/** The kubeconfig files in effect, as kubectl would read them. */
export function currentKubeconfigPaths(): string[] {
  return kubeconfigPaths({
    setting: readConfig().kubeconfig,
    kubeconfigVariable: process.env['KUBECONFIG'],
    homeDirectory: homedir(),
    delimiter,
    separator: sep,
  });
}

async function offerSettings(paths: readonly string[]): Promise<void> {
  const openSettings = 'Open Settings';
  const answer = await vscode.window.showWarningMessage(
    `No kubeconfig found at ${paths.join(', ')}. Set "${CONFIG_SECTION}.${Settings.kubeconfig}" or KUBECONFIG.`,
    openSettings,
  );
  if (answer === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `${CONFIG_SECTION}.${Settings.kubeconfig}`);
  }
}

async function openKubeconfig(): Promise<vscode.TextEditor | undefined> {
  const paths = currentKubeconfigPaths();
  const existing = paths.filter((path) => existsSync(path));
  if (existing.length === 0) {
    // Not awaited: the command is done once it has said what is wrong; the answer is handled later.
    void offerSettings(paths);
    return undefined;
  }
  const chosen =
    existing.length === 1
      ? existing[0]
      : await vscode.window.showQuickPick(existing, { placeHolder: 'KUBECONFIG lists several files: which one?' });
  if (chosen === undefined) return undefined;
  return vscode.window.showTextDocument(vscode.Uri.file(chosen), { preview: false });
}

export function registerKubeconfigCommands(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openKubeconfig, openKubeconfig);
}
