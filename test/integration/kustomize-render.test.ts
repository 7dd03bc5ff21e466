// Kustomizations rendered in a real VS Code with the real kubectl: opening one lints its output with the
// rules that read the whole set, each finding on the file the object came from, even a closed one; saving
// one of those files renders again; a render that fails is one diagnostic on the kustomization; what a
// render put on a file goes when the file is deleted or renamed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateWorkbench, whenTrue, workspaceFile } from './extension-api.ts';

const SOURCE = 'kube-workbench (kustomize)';
const rendered = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
const code = (diagnostic: vscode.Diagnostic): string => (diagnostic.code as { value: string }).value;

/**
 * A copy of kustomize/render whose Service selects nothing (the suite fixes the original's), open, its
 * render's dangling-service finding shown on the Service file.
 */
async function renderedCopy(name: string): Promise<{ kustomization: vscode.Uri; service: vscode.Uri; deployment: vscode.Uri }> {
  const folder = workspaceFile('kustomize', 'copies', name);
  await vscode.workspace.fs.copy(workspaceFile('kustomize', 'render'), folder);
  const service = vscode.Uri.joinPath(folder, 'web-service.yaml');
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(service)).replace(/app: \w+/, 'app: nothing');
  await vscode.workspace.fs.writeFile(service, new TextEncoder().encode(text));
  const kustomization = vscode.Uri.joinPath(folder, 'kustomization.yaml');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(kustomization));
  await whenTrue(vscode.languages.onDidChangeDiagnostics, () => rendered(service).some((diagnostic) => code(diagnostic) === 'dangling-service'), `the render of ${name} on its Service`);
  return { kustomization, service, deployment: vscode.Uri.joinPath(folder, 'web.yaml') };
}

describe('Kustomizations rendered in the editor', function () {
  this.timeout(60_000);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('kustomize', 'copies'), { recursive: true, useTrash: false });
  });

  it('traces a whole-set finding of the rendered objects to the line of the closed file it came from', async () => {
    await activateWorkbench();
    const service = workspaceFile('kustomize', 'render', 'web-service.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('kustomize', 'render', 'kustomization.yaml')));
    await whenTrue(vscode.languages.onDidChangeDiagnostics, () => rendered(service).length > 0, 'the render traced to web-service.yaml');
    const dangling = rendered(service).find((diagnostic) => code(diagnostic) === 'dangling-service');
    assert.ok(dangling, rendered(service).map(code).join(', '));
    // The name as rendered (namePrefix applied), on the selector of the file as written.
    assert.match(dangling.message, /Service shop-web/);
    assert.equal(dangling.range.start.line, 5);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === service.toString()), 'the Service file was never opened');
    // Rules that see one object at a time stay with the file's own lint: not repeated from the render.
    const deployment = rendered(workspaceFile('kustomize', 'render', 'web.yaml')).map(code);
    assert.ok(!deployment.includes('missing-cpu-request'), deployment.join(', '));
  });

  it('renders again when a file it was built from is saved: the fixed selector takes its finding away', async () => {
    await activateWorkbench();
    const service = workspaceFile('kustomize', 'render', 'web-service.yaml');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(service));
    const text = editor.document.getText();
    const at = text.indexOf('app: shop');
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'app: shop'.length)), 'app: web'));
    await editor.document.save();
    await whenTrue(vscode.languages.onDidChangeDiagnostics, () => !rendered(service).some((diagnostic) => code(diagnostic) === 'dangling-service'), 'the render without dangling-service');
    assert.ok(rendered(workspaceFile('kustomize', 'render', 'web.yaml')).length > 0, 'the render still reports on the Deployment');
  });

  it('a render that fails is one diagnostic on the kustomization, in kubectl’s words', async () => {
    await activateWorkbench();
    const broken = workspaceFile('kustomize', 'broken', 'kustomization.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(broken));
    await whenTrue(vscode.languages.onDidChangeDiagnostics, () => rendered(broken).length > 0, 'the failed render reported');
    const [only, ...more] = rendered(broken);
    assert.deepEqual(more, []);
    assert.match(only!.message, /^kubectl kustomize could not render this kustomization: accumulating resources.*missing\.yaml/);
    assert.doesNotMatch(only!.message, /run\.go|E\d{4}/);
    assert.equal(only!.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('takes a render’s findings off a file that is deleted, and renders again without it', async () => {
    const api = await activateWorkbench();
    const { kustomization, service } = await renderedCopy('deleted');
    const before = api.kustomizeRendersStarted();
    await vscode.workspace.fs.delete(service, { useTrash: false });
    await whenTrue(vscode.languages.onDidChangeDiagnostics, () => rendered(service).length === 0, 'the findings on the deleted file gone');
    await whenTrue(vscode.languages.onDidChangeDiagnostics, () => rendered(kustomization).some((diagnostic) => /web-service\.yaml/.test(diagnostic.message)), 'the render again, failing on the missing file');
    assert.ok(api.kustomizeRendersStarted() > before);
  });

  it('takes a render’s findings off a file that is renamed', async () => {
    await activateWorkbench();
    const { deployment } = await renderedCopy('renamed');
    assert.ok(rendered(deployment).length > 0, 'the render reports on the Deployment');
    await vscode.workspace.fs.rename(deployment, vscode.Uri.joinPath(deployment, '..', 'web-renamed.yaml'));
    await whenTrue(vscode.languages.onDidChangeDiagnostics, () => rendered(deployment).length === 0, 'the findings on the old name gone');
  });
});
