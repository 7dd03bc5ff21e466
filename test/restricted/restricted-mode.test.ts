// An untrusted workspace (Restricted Mode): the extension still lints and shows the user's own
// clusters, but the workspace's settings cannot pick a kubeconfig (whose exec plugin would run a
// program) or a Prometheus URL: package.json lists both as restrictedConfigurations, so VS Code drops
// their workspace values until the folder is trusted (and then reports them changed). The harness writes those settings into the workspace's
// .vscode/settings.json, pointing at restricted-kubeconfig.yaml, whose plugin would leave a marker.
// Kustomizations are not rendered: kubectl would fetch the remote bases they name.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { CONFIG_SECTION, Settings } from '../../src/vscode/ids.ts';
import { activateWorkbench, whenTrue } from '../integration/extension-api.ts';

describe('Restricted Mode', function () {
  this.timeout(60_000);
  const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;

  it('runs in a workspace that is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('activates and lints the workspace manifests', async () => {
    const api = await activateWorkbench();
    const uri = vscode.Uri.joinPath(folder(), 'manifests/web.yaml');
    await vscode.workspace.openTextDocument(uri);
    const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'kube-workbench');
    await whenTrue(api.lint.onDidLint, () => ours().length > 0, 'findings in manifests/web.yaml');
    assert.ok(ours().some((diagnostic) => (diagnostic.code as { value: string }).value === 'latest-tag'));
  });

  it('ignores the workspace values of the restricted settings', async () => {
    // The harness did set them: the workspace does ask for its own kubeconfig and Prometheus.
    const written = JSON.parse(readFileSync(vscode.Uri.joinPath(folder(), '.vscode/settings.json').fsPath, 'utf8')) as Record<string, string>;
    assert.match(written[`${CONFIG_SECTION}.${Settings.kubeconfig}`] ?? '', /restricted-kubeconfig\.yaml$/);
    assert.match(written[`${CONFIG_SECTION}.${Settings.allocatorPrometheusUrl}`] ?? '', /^http:/);
    const api = await activateWorkbench();
    const settings = api.settings();
    assert.equal(settings.kubeconfig, '');
    assert.equal(settings.allocatorPrometheusUrl, '');
  });

  it('never reads the workspace kubeconfig, so its exec plugin never runs', async () => {
    const api = await activateWorkbench();
    const service = api.clusters.get();
    const files = service.config.ok ? service.config.value.files : [];
    assert.ok(!files.some((file) => file.includes('restricted-kubeconfig')), `kubeconfig files read: ${files.join(', ')}`);
    const contexts = service.config.ok ? service.config.value.contexts.map((context) => context.name) : [];
    assert.ok(!contexts.includes('workspace-plugin'), `contexts: ${contexts.join(', ')}`);
    await vscode.commands.executeCommand('kubeWorkbench.explorer.focus');
    assert.equal(existsSync(vscode.Uri.joinPath(folder(), 'exec-plugin-ran').fsPath), false);
  });

  it('opens a kustomization without rendering it: none of the findings only its render has', async () => {
    const api = await activateWorkbench();
    const kustomization = vscode.Uri.joinPath(folder(), 'kustomize/render/kustomization.yaml');
    // Trusted, this open renders it, and the render puts a dangling-service finding on the Service file.
    const linted = new Promise<void>((resolve) => {
      const subscription = api.lint.onDidLint((uri) => uri.toString() === kustomization.toString() && (subscription.dispose(), resolve()));
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(kustomization));
    // The lint runs on the same open event as a render would have started.
    await linted;
    assert.equal(api.kustomizeRendersStarted(), 0);
    const service = vscode.Uri.joinPath(folder(), 'kustomize/render/web-service.yaml');
    assert.deepEqual(vscode.languages.getDiagnostics(service), []);
    const rendered = vscode.languages.getDiagnostics().flatMap(([, diagnostics]) => diagnostics.filter((diagnostic) => diagnostic.source === 'kube-workbench (kustomize)'));
    assert.deepEqual(rendered, []);
  });
});
