// A kustomization in a real VS Code: its paths are links (a quoted name with a space opens that file, a
// folder opens its kustomization) and complete from the files there, and the patch it names is a partial object without missing-field
// errors, whether the kustomization is open or only on disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateWorkbench, whenTrue, workspaceFile } from './extension-api.ts';

describe('Kustomization links and patches', function () {
  this.timeout(60_000);
  const fixture = (...path: string[]): vscode.Uri => workspaceFile('kustomize', ...path);

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('links each path to its file, a folder to its kustomization, names with spaces included', async () => {
    await activateWorkbench();
    const kustomization = await vscode.workspace.openTextDocument(fixture('overlay', 'kustomization.yaml'));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', kustomization.uri);
    const shown = links.map((link) => `${kustomization.getText(link.range)} → ${vscode.workspace.asRelativePath(link.target!)}`);
    assert.deepEqual(shown, ['../base dir → kustomize/base dir/kustomization.yaml', 'web patch.yaml → kustomize/overlay/web patch.yaml']);
    const opened = await vscode.workspace.openTextDocument(links[1]!.target!);
    assert.match(opened.getText(), /replicas: 3/);
  });

  it('completes the paths it names from the files and folders there, a folder with its slash', async () => {
    await activateWorkbench();
    const kustomization = await vscode.workspace.openTextDocument(fixture('overlay', 'kustomization.yaml'));
    const completed = async (after: string): Promise<vscode.CompletionItem[]> => {
      const position = kustomization.positionAt(kustomization.getText().indexOf(after) + after.length);
      return (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', kustomization.uri, position)).items;
    };
    const shown = (items: vscode.CompletionItem[]): string[] => items.filter((item) => item.kind === vscode.CompletionItemKind.Folder || item.kind === vscode.CompletionItemKind.File).map((item) => String(item.label)).sort();
    assert.deepEqual(shown(await completed('"../')), ['base dir/', 'broken/', 'overlay/', 'plain/', 'render/']);
    // The patch's own folder: the patch file, not the kustomization itself.
    assert.deepEqual(shown(await completed('path: "')), ['web patch.yaml']);
  });

  it('the patch named with a space has no missing required field while its kustomization is open', async () => {
    const api = await activateWorkbench();
    await vscode.workspace.openTextDocument(fixture('overlay', 'kustomization.yaml'));
    const patch = await vscode.workspace.openTextDocument(fixture('overlay', 'web patch.yaml'));
    await vscode.window.showTextDocument(patch);
    const ours = () => vscode.languages.getDiagnostics(patch.uri).filter((diagnostic) => diagnostic.source === 'kube-workbench');
    await whenTrue(api.lint.onDidLint, () => ours().length > 0 && !ours().some((diagnostic) => (diagnostic.code as { value: string }).value === 'schema-required-field'), 'the patch linted as a partial object');
    assert.ok(ours().every((diagnostic) => (diagnostic.code as { value: string }).value !== 'schema-required-field'));
  });

  it('a patch is a partial object when its kustomization, without apiVersion or kind, is not even open', async () => {
    const api = await activateWorkbench();
    const patch = await vscode.workspace.openTextDocument(fixture('plain', 'patches', 'replica patch.yaml'));
    await vscode.window.showTextDocument(patch);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.path.endsWith('/plain/kustomization.yaml')));
    const rules = () => vscode.languages.getDiagnostics(patch.uri).filter((diagnostic) => diagnostic.source === 'kube-workbench').map((diagnostic) => (diagnostic.code as { value: string }).value);
    await whenTrue(api.lint.onDidLint, () => rules().length > 0 && !rules().includes('schema-required-field'), 'the patch linted as a partial object');
  });
});
