import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Commands, VIEW_CONTAINER, Views } from '../../src/vscode/ids.ts';
import { activateWorkbench, nextEvent, workbenchExtension } from './extension-api.ts';

describe('activation', () => {
  it('is not active before its view, a YAML file or a command is used', () => {
    assert.equal(workbenchExtension().isActive, false);
  });

  it('activates and returns its API', async () => {
    const api = await activateWorkbench();
    assert.equal(workbenchExtension().isActive, true);
    assert.equal(typeof api.explorer.refresh, 'function');
  });

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of Object.values(Commands)) assert.ok(registered.has(command), command);
  });

  it("loads the commands' handlers when the first command runs, and keeps every command", async () => {
    await activateWorkbench();
    const handlers = join(workbenchExtension().extensionPath, 'dist', 'commands.js');
    assert.equal(require.cache[handlers], undefined, 'dist/commands.js is loaded at activation');
    const output = await vscode.commands.executeCommand(Commands.showOutput);
    assert.equal(output, undefined);
    assert.notEqual(require.cache[handlers], undefined, 'dist/commands.js is not loaded after a command ran');
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of Object.values(Commands)) assert.ok(registered.has(command), command);
  });

  it('leaves the kustomize renders to the first kustomization opened', async () => {
    await activateWorkbench();
    assert.ok(!vscode.workspace.textDocuments.some((document) => /kustomization\.yaml$/.test(document.uri.path)));
    assert.equal(require.cache[join(workbenchExtension().extensionPath, 'dist', 'kustomize-renders.js')], undefined, 'dist/kustomize-renders.js is loaded at activation');
  });
});

describe('Explorer view', () => {
  it('becomes visible when its container is opened, with no roots while no cluster is connected', async () => {
    const api = await activateWorkbench();
    const shown = api.explorerView.visible ? Promise.resolve() : nextEvent(api.explorerView.onDidChangeVisibility);
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
    await shown;
    assert.equal(api.explorerView.visible, true);
    assert.deepEqual(await api.explorer.getChildren(), []);
  });

  it('refreshes when the Refresh command runs', async () => {
    const api = await activateWorkbench();
    const refreshed = nextEvent(api.explorer.onDidChangeTreeData);
    await vscode.commands.executeCommand(Commands.refresh);
    assert.equal(await refreshed, undefined);
  });

  it('has the id the manifest declares', async () => {
    const contributes = workbenchExtension().packageJSON.contributes as { views: Record<string, { id: string }[]> };
    assert.deepEqual(
      contributes.views[VIEW_CONTAINER]?.map((view) => view.id),
      [Views.explorer],
    );
  });
});
