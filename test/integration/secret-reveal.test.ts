// A Secret's Describe document shows no value; Reveal Secret Key shows exactly the chosen key,
// decoded, in its own read-only document.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as vscode from 'vscode';
import { Commands, DESCRIBE_LANGUAGE, DESCRIBE_SCHEME, SECRET_SCHEME } from '../../src/vscode/ids.ts';
import { answered } from './command-answers.ts';
import { simSuite } from './sim-suite.ts';

const PASSWORD = 's3cr3t-value';
const USERNAME = 'admin-user';

type Outcome<T = unknown> = { ok: boolean; kind?: string; message: string; value?: T };

describe('Reveal one Secret key', function () {
  this.timeout(60_000);
  const suite = simSuite({ nodes: 2, pods: 6, seed: 51 });
  const { connection } = suite;
  let namespace: string;

  before(async () => {
    await suite.until(() => connection().workloads.Deployment.size > 0, 'Deployments in the cache');
    // A namespace the cache knows, so the palette offers it.
    namespace = [...connection().workloads.Deployment.values()][0]!.meta.namespace;
    const data = { username: Buffer.from(USERNAME).toString('base64'), password: Buffer.from(PASSWORD).toString('base64') };
    await suite.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace }, data });
  });

  it('describes the Secret, picked from the palette, with every value redacted', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { namespace, kind: 'Secret', name: 'creds' });
    const text = editor.document.getText();
    assert.match(text, /^Kind: +Secret$/m);
    assert.match(text, /^ {2}password: +\d+ bytes$/m);
    for (const secret of [PASSWORD, USERNAME, Buffer.from(PASSWORD).toString('base64')]) assert.ok(!text.includes(secret), 'a value leaked into Describe');
  });

  it('keeps Describe documents out of Problems, open or closed: they are live state, not the user\'s manifests', async () => {
    const deployment = [...connection().workloads.Deployment.values()][0]!.meta;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { namespace: deployment.namespace, kind: 'Deployment', name: deployment.name });
    assert.equal(editor.document.languageId, DESCRIBE_LANGUAGE);
    assert.match(editor.document.getText(), /^Kind: +Deployment$/m);
    const described = (): number => vscode.languages.getDiagnostics().filter(([uri]) => uri.scheme === DESCRIBE_SCHEME).reduce((sum, [, found]) => sum + found.length, 0);
    // Lints run in order: once a manifest opened after it is linted, a lint of Describe would have landed.
    // (Outside the workspace folder, so no other suite's manifests share its lints.)
    const manifest = vscode.Uri.file(`${tmpdir()}/kwb-describe-probe-${process.pid}.yaml`);
    writeFileSync(manifest.fsPath, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\n');
    const linted = new Promise<void>((resolve) => {
      const subscription = suite.api.lint.onDidLint((uri) => uri.toString() === manifest.toString() && (subscription.dispose(), resolve()));
    });
    await vscode.workspace.openTextDocument(manifest);
    await linted;
    assert.equal(described(), 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(described(), 0);
  });

  it('reveals exactly the chosen key, decoded, in a read-only document of its own', async () => {
    const describe = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { namespace, kind: 'Secret', name: 'creds' });
    const { result, asked } = await answered(suite.api, { steps: { key: 'password' }, questions: () => 'Reveal' }, () => vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.revealSecretKey, describe.document.uri));
    assert.deepEqual(asked.map((question) => question.message), [`Show the value of "password" of Secret ${namespace}/creds in clear text?`]);
    assert.ok(!result.message.includes(PASSWORD), 'the outcome names the key, not its value');
    const revealed = result.value!;
    assert.equal(revealed.document.uri.scheme, SECRET_SCHEME);
    assert.equal(revealed.document.getText(), PASSWORD);
    assert.ok(!describe.document.getText().includes(PASSWORD), 'Describe stays redacted');
  });

  it('reveals nothing without the confirmation, for a key the Secret lacks, or from a document that is no Secret', async () => {
    const describe = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { namespace, kind: 'Secret', name: 'creds' });
    const declined = await answered(suite.api, { steps: { key: 'password' } }, () => vscode.commands.executeCommand<Outcome>(Commands.revealSecretKey, describe.document.uri, { key: 'password', confirmed: true }));
    assert.equal(declined.result.kind, 'cancelled', 'an argument does not confirm');
    assert.equal(declined.asked.length, 1);
    const missing = await answered(suite.api, { steps: { key: 'token' }, questions: () => 'Reveal' }, () => vscode.commands.executeCommand<Outcome>(Commands.revealSecretKey, describe.document.uri));
    assert.deepEqual([missing.result.kind, missing.refused['key']], ['cancelled', `Secret ${namespace}/creds has no key "token".`]);
    const deployment = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { namespace, kind: 'Deployment', name: [...connection().workloads.Deployment.values()][0]!.meta.name });
    assert.equal((await vscode.commands.executeCommand<Outcome>(Commands.revealSecretKey, deployment.document.uri)).kind, 'invalid');
  });
});
