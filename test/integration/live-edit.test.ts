// Edit live objects: a kubernetes: document per object, saved back through lint, a dry run, the diff
// and the update with the opened resourceVersion as precondition; conflicts offer a choice and
// overwrite nothing; read-only users get read-only documents; Secrets round-trip without their
// values reaching the log; completion and lint findings work in live documents; Save as Manifest
// writes a file the linter accepts.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Question } from '../../src/vscode/commands/command-ui.ts';
import type { Element, ElementOf } from '../../src/vscode/explorer/elements.ts';
import { CONFIG_SECTION, Commands, LIVE_DIFF_SCHEME, LIVE_SCHEME, Settings } from '../../src/vscode/ids.ts';
import { answered, seamOf } from './command-answers.ts';
import { firstDeploymentRow, whenTrue } from './extension-api.ts';
import { CONTEXT, simSuite } from './sim-suite.ts';

type Outcome<T = unknown> = { ok: boolean; kind?: string; message: string; value?: T };

const PASSWORD = 'pl41n-s3cr3t';
const NEW_PASSWORD = 'n3w-s3cr3t-v4lue';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** Answers a save's questions: lint errors and the diff's confirmation go ahead, a conflict as `onConflict` says. */
const saving = (onConflict?: string) => (question: Question): string | undefined =>
  question.choices.includes('Show Their Change') ? onConflict : question.choices.includes('Save anyway') ? 'Save anyway' : question.choices.includes('Save') ? 'Save' : undefined;

/** Replaces the first match of `pattern` in the document, through its editor (brought back in front of a diff). */
async function replaceText(document: vscode.TextDocument, pattern: RegExp, text: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const match = pattern.exec(document.getText());
  assert.ok(match, `${String(pattern)} in ${document.getText()}`);
  const range = new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length));
  assert.ok(await editor.edit((builder) => builder.replace(range, text)));
}

const save = async (document: vscode.TextDocument): Promise<boolean> => Promise.resolve(document.save()).catch(() => false);

const diffTabs = (): vscode.TabInputTextDiff[] =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.input)).filter((input): input is vscode.TabInputTextDiff => input instanceof vscode.TabInputTextDiff && input.modified.scheme === LIVE_DIFF_SCHEME);

describe('Edit live objects', function () {
  this.timeout(90_000);
  const suite = simSuite({ nodes: 2, pods: 8, seed: 17 });
  const { connection } = suite;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);

  const deploymentRow = (): Promise<ElementOf<'workload'>> => firstDeploymentRow(suite.api, CONTEXT);

  const read = async (kind: string, namespace: string, name: string): Promise<Record<string, unknown>> => {
    const result = await connection().operations.get({ kind, namespace, name });
    assert.ok(result.ok);
    return result.value as Record<string, unknown>;
  };

  before(async () => {
    await setting.update(Settings.logLevel, 'debug', vscode.ConfigurationTarget.Global);
    await suite.until(() => connection().workloads.Deployment.size > 0, 'Deployments in the cache');
  });

  after(async () => {
    seamOf(suite.api).answerSaveDialogs(undefined);
    await setting.update(Settings.logLevel, undefined, vscode.ConfigurationTarget.Global);
  });

  it('edits a Deployment\'s replicas from its row: linted, diffed, confirmed, saved, and the tree follows', async () => {
    const row = await deploymentRow();
    const replicas = connection().workloads.Deployment.get(row.namespace, row.name)!.desired;
    const linted = new Promise<void>((resolve) => {
      const subscription = suite.api.lint.onDidLint((uri) => uri.scheme === LIVE_SCHEME && (subscription.dispose(), resolve()));
    });
    const opened = await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.editObject, row);
    assert.ok(opened.ok, opened.message);
    const editor = opened.value!;
    assert.equal(editor.document.uri.toString(), `${LIVE_SCHEME}:/${CONTEXT}/${row.namespace}/Deployment/${row.name}.yaml`);
    const text = editor.document.getText();
    assert.match(text, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}name: /);
    for (const hidden of [/^status:/m, /resourceVersion:/, /managedFields:/, /uid:/, /creationTimestamp: '?\d/]) assert.doesNotMatch(text, hidden);
    await linted;
    await replaceText(editor.document, new RegExp(`^ {2}replicas: ${replicas}$`, 'm'), `  replicas: ${replicas + 1}`);
    const saved = await answered(suite.api, { questions: saving() }, () => save(editor.document));
    assert.equal(saved.result, true);
    assert.ok(saved.asked.some((question) => question.message === `Save Deployment ${row.namespace}/${row.name} to context "${CONTEXT}"?`));
    assert.ok(diffTabs().some((diff) => diff.modified.path.includes('.after-save-')), 'the live ↔ after save diff was shown');
    await whenTrue(suite.api.explorer.onDidChangeTreeData, () => new RegExp(`^\\d+/${replicas + 1} ready`).test(String(suite.api.explorer.getTreeItem(row).description)), 'the row to show the new replicas');
    assert.equal(((await read('Deployment', row.namespace, row.name))['spec'] as { replicas: number }).replicas, replicas + 1);
  });

  it('completes and lints a live document as it does a manifest file', async () => {
    const row = await deploymentRow();
    const opened = await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.editObject, row);
    assert.ok(opened.ok, opened.message);
    const document = opened.value!.document;
    // containers[0]: from its "- " line to the next line indented no deeper than that dash.
    const lines = document.getText().split('\n');
    const start = lines.findIndex((line) => /^ *containers:$/.test(line)) + 1;
    const dash = /^( *)- /.exec(lines[start] ?? '');
    assert.ok(start > 0 && dash, document.getText());
    const keys = ' '.repeat(dash[1]!.length + 2);
    const end = lines.findIndex((line, index) => index > start && !line.startsWith(keys));
    // A key the container has already is not offered again: the server's default pull policy goes first.
    const policy = lines.slice(start, end).findIndex((line) => /^ *(?:- )?imagePullPolicy: /.test(line));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    if (policy > 0) assert.ok(await editor.edit((builder) => builder.delete(document.lineAt(start + policy).rangeIncludingLineBreak)));
    const typed = document.lineAt(start).range.end;
    assert.ok(await editor.edit((builder) => builder.insert(typed, `\n${keys}imagePu`)));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.lineAt(start + 1).range.end);
    const offered = list.items.filter((item) => item.detail !== undefined).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(offered.includes('imagePullPolicy'), offered.join(', '));
    await editor.edit((builder) => builder.delete(document.lineAt(start + 1).rangeIncludingLineBreak));
    // A finding of the linter appears on the live document when the edit earns one.
    const latest = (): boolean => vscode.languages.getDiagnostics(document.uri).some((diagnostic) => typeof diagnostic.code === 'object' && diagnostic.code.value === 'latest-tag');
    assert.equal(latest(), false, 'the seeded image has a pinned tag');
    await replaceText(document, /(?<=^ *(?:- )?image: ).*$/m, 'nginx:latest');
    await whenTrue(vscode.languages.onDidChangeDiagnostics, latest, 'the latest-tag finding on the live document');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers a choice on a concurrent change instead of overwriting: re-apply where it merges, look at theirs, or overwrite', async () => {
    const namespace = [...connection().workloads.Deployment.values()][0]!.meta.namespace;
    const configMap = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace }, data });
    await suite.apply(configMap({ level: 'info' }));
    await suite.until(() => connection().workloads.ConfigMap.get(namespace, 'settings') !== undefined, 'the ConfigMap in the cache');
    const opened = await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.editObject, { namespace, kind: 'ConfigMap', name: 'settings' });
    assert.ok(opened.ok, opened.message);
    const editor = opened.value!;
    await replaceText(editor.document, /level: info/, 'level: debug');
    await suite.apply(configMap({ level: 'info', other: 'theirs' }));
    const merged = await answered(suite.api, { questions: saving('Re-apply My Edit') }, () => save(editor.document));
    assert.equal(merged.result, true);
    assert.match(merged.asked[0]!.message, /changed in context .* since you opened it \(none of the fields you changed\)\. Nothing was overwritten\.$/);
    assert.deepEqual((await read('ConfigMap', namespace, 'settings'))['data'], { level: 'debug', other: 'theirs' });
    await whenTrue(vscode.workspace.onDidChangeTextDocument, () => editor.document.getText().includes('other: theirs'), 'the document to show the stored object');

    await replaceText(editor.document, /level: debug/, 'level: trace');
    await suite.apply(configMap({ level: 'warn', other: 'theirs' }));
    const looked = await answered(suite.api, { questions: saving('Show Their Change') }, () => save(editor.document));
    assert.equal(looked.result, false);
    assert.match(looked.asked[0]!.message, /\(both changed data\.level\)/);
    assert.ok(editor.document.isDirty, 'the edit stays in the document');
    assert.equal(((await read('ConfigMap', namespace, 'settings'))['data'] as { level: string }).level, 'warn', 'their change was not overwritten');
    assert.ok(diffTabs().some((diff) => diff.modified.path.includes('.theirs-')), 'their change was shown');

    const overwritten = await answered(suite.api, { questions: saving('Overwrite') }, () => save(editor.document));
    assert.equal(overwritten.result, true);
    assert.equal(((await read('ConfigMap', namespace, 'settings'))['data'] as { level: string }).level, 'trace');
  });

  it('opens a read-only document, naming the verb, for a user who may not update the object', async () => {
    const row = await deploymentRow();
    const readOnlyRow = { ...row, id: `${row.id}:readonly`, context: 'kube-workbench-sim-readonly' } as Element;
    const opened = await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.editObject, readOnlyRow);
    assert.ok(opened.ok, opened.message);
    assert.match(opened.message, /opened read-only: update deployments is forbidden/);
    const uri = opened.value!.document.uri;
    assert.equal((await vscode.workspace.fs.stat(uri)).permissions, vscode.FilePermission.Readonly);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('kind: Deployment\n'))));
  });

  it('round-trips a Secret, decoded after a confirmation, without its values reaching the log', async () => {
    const namespace = [...connection().workloads.Deployment.values()][0]!.meta.namespace;
    await suite.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace }, data: { password: b64(PASSWORD) } });
    const opened = await answered(suite.api, { questions: (question) => (question.choices.includes('Decode') ? 'Decode' : undefined) }, () =>
      vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.editObject, { namespace, kind: 'Secret', name: 'creds' }),
    );
    assert.equal(opened.asked[0]?.message, `Open Secret ${namespace}/creds with its values decoded?`);
    const editor = opened.result.value!;
    assert.match(editor.document.getText(), new RegExp(`^stringData:\\n {2}password: ${PASSWORD}$`, 'm'));
    await replaceText(editor.document, new RegExp(PASSWORD), NEW_PASSWORD);
    const saved = await answered(suite.api, { questions: saving() }, () => save(editor.document));
    assert.equal(saved.result, true);
    assert.deepEqual((await read('Secret', namespace, 'creds'))['data'], { password: b64(NEW_PASSWORD) });
    const told = [...suite.api.logLines(), ...saved.asked.map((question) => `${question.message} ${question.detail ?? ''}`)].join('\n');
    for (const value of [PASSWORD, NEW_PASSWORD, b64(PASSWORD), b64(NEW_PASSWORD)]) assert.ok(!told.includes(value), 'a Secret value reached the log or a question');
  });

  it('saves a Deployment as a manifest that reads as hand-written and that the linter accepts', async () => {
    const row = await deploymentRow();
    const file = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'kwb-live-')), 'web.yaml'));
    seamOf(suite.api).answerSaveDialogs(() => file);
    const saved = await vscode.commands.executeCommand<Outcome<vscode.Uri>>(Commands.saveAsManifest, row);
    assert.ok(saved.ok, saved.message);
    const document = await vscode.workspace.openTextDocument(file);
    const text = document.getText();
    for (const gone of [/^status:/m, /uid:/, /revisionHistoryLimit: 10/, /terminationMessagePath/, /progressDeadlineSeconds: 600/]) assert.doesNotMatch(text, gone);
    assert.match(text, new RegExp(`^kind: Deployment\\nmetadata:\\n {2}name: ${row.name}\\n {2}namespace: ${row.namespace}$`, 'm'));
    await suite.api.lint.lintDocument(document);
    const errors = suite.api.lint.findingsFor(document).filter((finding) => finding.severity === 'error');
    assert.deepEqual(errors.map((finding) => `${finding.ruleId}: ${finding.message}`), []);
  });
});
