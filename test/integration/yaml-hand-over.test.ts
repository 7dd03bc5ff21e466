// The hand-over from Red Hat YAML in a real VS Code, with its stand-in (test/fixtures/redhat.vscode-yaml-0.0.0)
// loaded beside us: no offer while `yaml.schemas` names no Kubernetes files, one once it does, and
// accepting it maps `kubernetes` to no files in the workspace's settings, other schemas kept; never again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import type { Question } from '../../src/vscode/commands/command-ui.ts';
import { seamOf } from './command-answers.ts';
import { activateWorkbench, whenTrue } from './extension-api.ts';

const HAND_OVER = 'Use Kubernetes Workbench';
const WORKFLOWS = 'https://json.schemastore.org/github-workflow.json';
const manifest = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;

/** Every document linted since the suite began, by URI. */
const linted = new Set<string>();

/** Opens an unsaved manifest and resolves once it has been linted. */
async function lintedManifest(api: KubeWorkbenchApi, name: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: manifest(name) });
  await vscode.window.showTextDocument(document);
  await whenTrue(api.lint.onDidLint, () => linted.has(document.uri.toString()), `${name} linted`);
}

const schemas = () => vscode.workspace.getConfiguration('yaml').inspect<Record<string, unknown>>('schemas')?.workspaceValue;
const setSchemas = (value: Record<string, unknown> | undefined): Thenable<void> => vscode.workspace.getConfiguration('yaml').update('schemas', value, vscode.ConfigurationTarget.Workspace);

describe('Hand-over from Red Hat YAML', function () {
  this.timeout(60_000);
  const asked: Question[] = [];
  let api: KubeWorkbenchApi;
  let lints: vscode.Disposable | undefined;

  before(async () => {
    api = await activateWorkbench();
    lints = api.lint.onDidLint((uri) => linted.add(uri.toString()));
    seamOf(api).answerQuestions((question) => {
      asked.push(question);
      return question.choices.includes(HAND_OVER) ? HAND_OVER : undefined;
    });
  });

  after(async () => {
    seamOf(api).answerQuestions(undefined);
    lints?.dispose();
    await setSchemas(undefined);
    // Closing an edited untitled editor would ask to save it, a dialog that blocks the suites after this one.
    while (vscode.window.activeTextEditor?.document.isUntitled === true) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('finds Red Hat YAML’s stand-in installed', () => {
    assert.ok(vscode.extensions.getExtension('redhat.vscode-yaml'));
  });

  it('does not offer while yaml.schemas names no Kubernetes files', async () => {
    await lintedManifest(api, 'before-the-key');
    assert.deepEqual(asked, []);
  });

  it('offers once a manifest is linted with Kubernetes files in yaml.schemas, and accepting keeps the other schemas', async () => {
    await setSchemas({ kubernetes: '*.yaml', [WORKFLOWS]: '.github/workflows/*.yml' });
    await lintedManifest(api, 'with-the-key');
    await whenTrue(vscode.workspace.onDidChangeConfiguration, () => Array.isArray(schemas()?.['kubernetes']), 'yaml.schemas handed over');
    assert.equal(asked.length, 1);
    assert.equal(asked[0]!.notification, true);
    assert.match(asked[0]!.message, /Red Hat YAML/);
    assert.deepEqual(schemas(), { kubernetes: [], [WORKFLOWS]: '.github/workflows/*.yml' });
  });

  it('does not offer again, even when Kubernetes files come back into yaml.schemas', async () => {
    await setSchemas({ kubernetes: '*.yaml' });
    await lintedManifest(api, 'after-the-offer');
    assert.equal(asked.length, 1);
  });
});
