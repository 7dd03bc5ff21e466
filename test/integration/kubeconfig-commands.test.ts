import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONFIG_SECTION, Commands, Settings } from '../../src/vscode/ids.ts';
import { activateWorkbench } from './extension-api.ts';

describe('Open kubeconfig', () => {
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);

  afterEach(async () => {
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the file named by the kubeWorkbench.kubeconfig setting', async () => {
    await activateWorkbench();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const kubeconfig = vscode.Uri.joinPath(folder.uri, 'kubeconfig.yaml');
    await setting.update(Settings.kubeconfig, kubeconfig.fsPath, vscode.ConfigurationTarget.Global);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(Commands.openKubeconfig);
    assert.equal(editor?.document.uri.fsPath, kubeconfig.fsPath);
    assert.match(editor.document.getText(), /kind: Config/);
  });

  it('opens nothing when the configured file does not exist', async () => {
    await activateWorkbench();
    await setting.update(Settings.kubeconfig, '/nonexistent/kubeconfig', vscode.ConfigurationTarget.Global);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(Commands.openKubeconfig);
    assert.equal(editor, undefined);
    assert.equal(vscode.window.activeTextEditor, undefined);
  });
});
