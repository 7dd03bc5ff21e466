// Outline and navigation in a real VS Code: the objects and containers of a multi-document manifest,
// Go to Definition from configMapRef.name to the ConfigMap in another file of the folder, Find All
// References from a workload's name, and its CodeLens, through the commands the editor itself uses.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateWorkbench } from './extension-api.ts';

describe('Manifest outline and navigation', function () {
  this.timeout(60_000);
  let api: vscode.TextDocument;
  let config: vscode.TextDocument;
  const fixture = (name: string): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'navigation', name);
  const positionOf = (target: vscode.TextDocument, text: string, column: number): vscode.Position => {
    const offset = target.getText().indexOf(text);
    assert.ok(offset >= 0, `"${text}" in the document`);
    return target.positionAt(offset + column);
  };
  const lineText = (location: vscode.Location | vscode.LocationLink, documents: readonly vscode.TextDocument[]): string => {
    const uri = 'uri' in location ? location.uri : location.targetUri;
    const range = 'range' in location ? location.range : location.targetRange;
    const owner = documents.find((document) => document.uri.toString() === uri.toString());
    return `${uri.path.split('/').pop()}:${range.start.line + 1}:${owner?.getText(range) ?? '?'}`;
  };

  before(async () => {
    await activateWorkbench();
    config = await vscode.workspace.openTextDocument(fixture('config.yaml'));
    api = await vscode.workspace.openTextDocument(fixture('api.yaml'));
    await vscode.window.showTextDocument(api);
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('the Outline lists each document\'s object and a workload\'s containers', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', api.uri);
    const ours = symbols.filter((symbol) => /^[A-Z]\w+ /.test(symbol.name));
    assert.deepEqual(ours.map((symbol) => symbol.name), ['Deployment api', 'Service api', 'Service api-internal', 'PodDisruptionBudget api', 'HorizontalPodAutoscaler api']);
    assert.deepEqual(ours[0]?.children.map((child) => child.name), ['api', 'sidecar']);
    assert.equal(ours[1]?.range.start.line, 24, 'the Service starts after the first ---');
  });

  it('Go to Definition from configMapRef.name lands on the ConfigMap of the other file, and from a selector on the workload', async () => {
    const fromRef = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', api.uri, positionOf(api, 'name: api-settings', 8));
    assert.deepEqual(fromRef.map((location) => lineText(location, [config, api])), ['config.yaml:4:api-settings']);
    const fromSelector = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', api.uri, positionOf(api, 'selector:\n    app: api\n  ports', 15));
    assert.deepEqual(fromSelector.map((location) => lineText(location, [api])), ['api.yaml:4:api']);
  });

  it('Find All References from the Deployment\'s name lists its Services, PDB and HPA', async () => {
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', api.uri, positionOf(api, 'name: api', 7));
    const shown = references.map((location) => lineText(location, [api]));
    for (const expected of ['api.yaml:67:api', 'api.yaml:31:selector', 'api.yaml:42:selector', 'api.yaml:54:selector']) assert.ok(shown.includes(expected), shown.join(', '));
    const fromConfig = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', config.uri, positionOf(config, 'api-settings', 2));
    assert.ok(fromConfig.map((location) => lineText(location, [config, api])).includes('api.yaml:21:api-settings'));
  });

  it('the workload\'s CodeLens counts what selects and scales it and shows those references', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', api.uri, 10);
    const ours = lenses.filter((lens) => lens.command?.command === 'editor.action.showReferences');
    assert.deepEqual(ours.map((lens) => [lens.range.start.line, lens.command?.title]), [[3, 'selected by 2 Services, 1 PDB · scaled by 1 HPA']]);
    assert.equal((ours[0]?.command?.arguments?.[2] as vscode.Location[]).length, 4);
  });
});
