// Manifest linting in a real VS Code: diagnostics with exact ranges on open, quick fixes that yield
// the expected text and clear their diagnostic on save, the rules setting, hovers, and YAML that is
// not Kubernetes left alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import { CONFIG_SECTION, Commands, Settings } from '../../src/vscode/ids.ts';
import { codeActionsAt } from './code-actions.ts';
import { activateWorkbench } from './extension-api.ts';

describe('Manifest diagnostics', function () {
  this.timeout(60_000);
  let api: KubeWorkbenchApi;
  let document: vscode.TextDocument;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const fixture = (name: string): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, name);

  /** Resolves after the next lint of `uri` that `action` causes. */
  function linted(uri: vscode.Uri, action: () => Thenable<unknown> | void): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no lint of ${uri.fsPath}`)), 20_000);
      const subscription = api.lint.onDidLint((linted) => {
        if (linted.toString() !== uri.toString()) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
      Promise.resolve(action()).then(undefined, reject);
    });
  }

  const diagnostics = (rule?: string): vscode.Diagnostic[] =>
    vscode.languages
      .getDiagnostics(document.uri)
      .filter((diagnostic) => diagnostic.source === 'kube-workbench' && (rule === undefined || (diagnostic.code as { value: string }).value === rule));

  async function quickFix(rule: string, title: string): Promise<void> {
    const [diagnostic] = diagnostics(rule);
    assert.ok(diagnostic, `a ${rule} diagnostic`);
    const actions = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
    const action = actions.find((candidate) => candidate.title === title);
    // With what the editor held when no fix came: the document's state and its diagnostics now.
    const held = `closed: ${document.isClosed}, version ${document.version}, diagnostics now: ${diagnostics().map((shown) => (shown.code as { value: string }).value).join(', ')}`;
    assert.ok(action?.edit, `"${title}" among [${actions.map((candidate) => candidate.title).join(', ')}]; ${held}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    await linted(document.uri, () => document.save());
  }

  before(async () => {
    api = await activateWorkbench();
    const uri = fixture('manifests/web.yaml');
    await linted(uri, async () => {
      document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
    });
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows findings on open with the exact range of the offending node', () => {
    const [latest] = diagnostics('latest-tag');
    assert.ok(latest);
    assert.deepEqual([latest.range.start.line, latest.range.start.character, latest.range.end.line, latest.range.end.character], [18, 17, 18, 29]);
    assert.equal(document.getText(latest.range), 'nginx:latest');
    assert.equal(latest.severity, vscode.DiagnosticSeverity.Warning);
    const [privileged] = diagnostics('privileged-container');
    assert.equal(privileged?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(privileged?.range), 'true');
  });

  it('links a finding to its rule\'s section of docs/rules.md, not to the top of the page', async () => {
    const [latest] = diagnostics('latest-tag');
    const target = (latest?.code as { target: vscode.Uri }).target;
    assert.match(target.path, /docs\/rules\.md$/);
    await vscode.commands.executeCommand('vscode.open', target);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.path, target.path);
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '### latest-tag');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('explains a rule on hover', async () => {
    const [probe] = diagnostics('no-liveness-probe');
    assert.ok(probe);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, probe.range.start);
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /\*\*no-liveness-probe\*\*/);
    assert.match(text, /Why it matters:/);
  });

  it('fixes privileged: true in place', async () => {
    await quickFix('privileged-container', 'Set privileged: false');
    assert.match(document.getText(), /^ {12}privileged: false$/m);
    assert.equal(diagnostics('privileged-container').length, 0);
  });

  it('inserts readOnlyRootFilesystem at the container securityContext indentation', async () => {
    await quickFix('no-read-only-root-fs', 'Set securityContext.readOnlyRootFilesystem: true');
    assert.match(document.getText(), /^ {12}readOnlyRootFilesystem: true$/m);
    assert.equal(diagnostics('no-read-only-root-fs').length, 0);
  });

  it('pins an image tag with the answer to its question', async () => {
    const [latest] = diagnostics('latest-tag');
    const actions = await codeActionsAt(document.uri, latest!.range, vscode.CodeActionKind.QuickFix);
    const pin = actions.find((action) => action.title === 'Pin the image tag');
    assert.equal(pin?.command?.command, Commands.applyLintFix);
    assert.ok(await vscode.commands.executeCommand(Commands.applyLintFix, ...(pin.command.arguments ?? []), '1.27.3'));
    await linted(document.uri, () => document.save());
    assert.match(document.getText(), /^ {10}image: nginx:1\.27\.3$/m);
    assert.equal(diagnostics('latest-tag').length, 0);
  });

  it('adds a suppression comment that silences the rule on the next line', async () => {
    await quickFix('no-liveness-probe', 'Disable no-liveness-probe for this line');
    assert.match(document.getText(), /# kube-workbench-disable-next-line no-liveness-probe/);
    assert.equal(diagnostics('no-liveness-probe').length, 0);
  });

  it('drops a rule turned off in kubeWorkbench.lint.rules', async () => {
    assert.ok(diagnostics('no-readiness-probe').length > 0);
    await linted(document.uri, () => setting.update(Settings.lintRules, { 'no-readiness-probe': 'off' }, vscode.ConfigurationTarget.Global));
    assert.equal(diagnostics('no-readiness-probe').length, 0);
    await linted(document.uri, () => setting.update(Settings.lintRules, undefined, vscode.ConfigurationTarget.Global));
    assert.ok(diagnostics('no-readiness-probe').length > 0);
  });

  it('holds the workloads to the Pod Security level that kubeWorkbench.lint.profile names', async () => {
    const pss = (): vscode.Diagnostic[] => diagnostics().filter((diagnostic) => (diagnostic.code as { value: string }).value.startsWith('pss-'));
    assert.deepEqual(pss(), [], 'the default profile runs no Pod Security rule');
    await linted(document.uri, () => setting.update(Settings.lintProfile, 'pss-restricted', vscode.ConfigurationTarget.Global));
    const restricted = pss();
    assert.ok(restricted.some((diagnostic) => /^restricted: /.test(diagnostic.message)), restricted.map((diagnostic) => diagnostic.message).join('\n'));
    await linted(document.uri, () => setting.update(Settings.lintProfile, undefined, vscode.ConfigurationTarget.Global));
    assert.deepEqual(pss(), []);
  });

  it('leaves YAML that is not Kubernetes alone', async () => {
    const uri = fixture('ci-pipeline.yaml');
    await linted(uri, async () => {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    });
    assert.equal(vscode.languages.getDiagnostics(uri).length, 0);
  });
});
