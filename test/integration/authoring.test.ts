// Writing manifests in a real VS Code: completion (keys with their shape and indentation, enum
// values, names of the folder's objects, new-object snippets in an empty file) and field hovers, through
// the same commands the editor's suggest widget and hover use.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateWorkbench } from './extension-api.ts';

describe('Manifest authoring', function () {
  this.timeout(60_000);
  let document: vscode.TextDocument;
  const fixture = (name: string): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, name);

  /** The position at the end of the first line that holds `text` (plus `column` characters into it when given). */
  function positionOf(target: vscode.TextDocument, text: string, column?: number): vscode.Position {
    const offset = target.getText().indexOf(text);
    assert.ok(offset >= 0, `"${text}" in the document`);
    return target.positionAt(offset + (column ?? text.length));
  }

  async function completionsAt(target: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', target.uri, position);
    return list.items.filter((item) => item.detail !== undefined);
  }
  const label = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

  before(async () => {
    await activateWorkbench();
    document = await vscode.workspace.openTextDocument(fixture('authoring/app.yaml'));
    await vscode.window.showTextDocument(document);
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('offers the allowed values of imagePullPolicy and the folder\'s ConfigMap for configMapRef.name', async () => {
    const policies = await completionsAt(document, positionOf(document, 'imagePullPolicy: ', 'imagePullPolicy: '.length));
    assert.deepEqual(policies.map(label).filter((value) => ['Always', 'Never', 'IfNotPresent'].includes(value)).sort(), ['Always', 'IfNotPresent', 'Never']);
    const names = await completionsAt(document, positionOf(document, '                name: ', '                name: '.length));
    assert.ok(names.map(label).includes('settings'), names.map(label).join(', '));
  });

  it('documents a key on hover: description, type, versions', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '  replicas', 4));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /\*\*replicas\*\* · `integer`/);
    assert.match(text, /Number of desired pods/);
    assert.match(text, /bundled version/);
  });

  it('accepting a key inserts its shape at the key\'s indentation', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'yaml', content: document.getText() }));
    const target = editor.document;
    const end = target.lineAt(target.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n          reso'));
    const items = await completionsAt(target, target.lineAt(target.lineCount - 1).range.end);
    const resources = items.find((item) => label(item) === 'resources');
    assert.ok(resources, items.map(label).join(', '));
    assert.ok(!items.map(label).includes('image'), 'a key written already is left out');
    const range = resources.range instanceof vscode.Range ? resources.range : resources.range!.replacing;
    await editor.edit((edit) => edit.replace(range, String(resources.insertText)));
    assert.ok(target.getText().endsWith('\n          resources:\n            '), JSON.stringify(target.getText().slice(-60)));
    const inner = await completionsAt(target, target.lineAt(target.lineCount - 1).range.end);
    assert.deepEqual(inner.map(label).filter((value) => ['limits', 'requests'].includes(value)).sort(), ['limits', 'requests']);
    // Closing an edited untitled editor would ask to save it, a dialog that blocks the suites after this one.
    await vscode.window.showTextDocument(target);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('an empty YAML file offers apiVersion and a snippet per common kind', async () => {
    const empty = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    await vscode.window.showTextDocument(empty);
    const items = await completionsAt(empty, new vscode.Position(0, 0));
    assert.ok(items.map(label).includes('apiVersion'));
    const snippet = items.find((item) => label(item) === 'new Deployment');
    assert.ok(snippet?.insertText instanceof vscode.SnippetString);
    assert.match(snippet.insertText.value, /^apiVersion: apps\/v1\nkind: Deployment\n/);
  });
});
