// No planted secret reaches what the extension shows or logs: unique markers go into a Secret's data
// and its last-applied annotation, a kubeconfig token, a client key and a server URL's password, and
// into a manifest whose wrongly typed Secret values make the schema rules fire; then every tree row
// (label, description, tooltip), the output channel (debug level), Describe, the diagnostics and
// their quick-fix titles are scanned for them.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as vscode from 'vscode';
import { load } from 'js-yaml';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import { startSim, type Sim } from '../../src/sim/sim.ts';
import type { Element } from '../../src/vscode/explorer/elements.ts';
import { CONFIG_SECTION, Commands, Settings } from '../../src/vscode/ids.ts';
import { codeActionsAt } from './code-actions.ts';
import { activateWorkbench, whenTrue } from './extension-api.ts';

const marker = (): string => `kwbmark${randomBytes(6).toString('hex')}`;
const SECRET_VALUE = marker();
const ANNOTATION_VALUE = marker();
const TOKEN = marker();
const CLIENT_KEY = marker();
const URL_PASSWORD = marker();
const STRING_DATA = marker();
/** A Secret value typed as a number: the schema rule that names the type must not quote it. */
const NUMERIC_VALUE = `9${randomBytes(6).readUIntBE(0, 6).toString().padStart(15, '7')}`;
const MARKERS = [SECRET_VALUE, ANNOTATION_VALUE, TOKEN, CLIENT_KEY, URL_PASSWORD, STRING_DATA, NUMERIC_VALUE];

interface KubeconfigDoc {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: Record<string, unknown> }[];
}

/** The sim's kubeconfig plus three contexts that fail while carrying a marker each. */
function leakyKubeconfig(sim: Sim): string {
  const doc = load(sim.kubeconfig) as KubeconfigDoc;
  const simCluster = doc.clusters[0]!.cluster;
  const withPassword = sim.url.replace('https://', `https://operator:${URL_PASSWORD}@`);
  doc.clusters.push(
    { name: 'leaky-url', cluster: { ...simCluster, server: withPassword } },
    // Nothing listens on the discard port: unreachable, with the password in the URL.
    { name: 'leaky-refused', cluster: { server: `https://operator:${URL_PASSWORD}@127.0.0.1:9` } },
  );
  doc.users.push(
    { name: 'leaky-token', user: { token: TOKEN } },
    { name: 'leaky-key', user: { 'client-certificate-data': Buffer.from('not a certificate').toString('base64'), 'client-key-data': Buffer.from(`-----BEGIN PRIVATE KEY-----\n${CLIENT_KEY}\n-----END PRIVATE KEY-----\n`).toString('base64') } },
  );
  doc.contexts.push(
    { name: 'leaky-401', context: { cluster: 'leaky-url', user: 'leaky-token' } },
    { name: 'leaky-refused', context: { cluster: 'leaky-refused', user: 'leaky-token' } },
    { name: 'leaky-key', context: { cluster: doc.clusters[0]!.name, user: 'leaky-key' } },
  );
  return JSON.stringify(doc);
}

const manifest = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: typed-wrong',
  'stringData:',
  `  password: ${NUMERIC_VALUE}`,
  `  nested: { inner: ${STRING_DATA} }`,
  'data:',
  `  token: ${NUMERIC_VALUE}`,
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: leaky',
  'spec:',
  '  selector: { matchLabels: { app: leaky } }',
  '  template:',
  '    metadata: { labels: { app: leaky } }',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx:1.27.3',
  '          env:',
  `            - { name: API_TOKEN, value: ${NUMERIC_VALUE} }`,
  `            - { name: DB_PASSWORD, valuue: ${STRING_DATA} }`,
  '',
].join('\n');

describe('No planted secret in rows, logs, Describe or findings', function () {
  this.timeout(90_000);
  let sim: Sim;
  let api: KubeWorkbenchApi;
  let folder: string;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);

  before(async () => {
    sim = await startSim({ nodes: 2, pods: 4, seed: 71, log: () => undefined });
    folder = mkdtempSync(`${tmpdir()}/kwb-markers-`);
    writeFileSync(`${folder}/kubeconfig`, leakyKubeconfig(sim), { mode: 0o600 });
    api = await activateWorkbench();
    await setting.update(Settings.logLevel, 'debug', vscode.ConfigurationTarget.Global);
    await setting.update(Settings.kubeconfig, `${folder}/kubeconfig`, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await setting.update(Settings.logLevel, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sim.close();
    rmSync(folder, { recursive: true, force: true });
  });

  function rowTexts(element: Element | undefined, depth: number): string[] {
    const texts: string[] = [];
    for (const child of api.explorer.getChildren(element)) {
      const item = api.explorer.getTreeItem(child);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : (item.tooltip ?? '');
      texts.push(String(typeof item.label === 'object' ? item.label.label : item.label), String(item.description ?? ''), tooltip);
      if (depth > 0) texts.push(...rowTexts(child, depth - 1));
    }
    return texts;
  }

  const leaks = (texts: readonly string[]): string[] => texts.filter((text) => MARKERS.some((planted) => text.includes(planted)));

  it('shows failing contexts without their token, key or URL password, in rows and the log', async () => {
    const contexts = (): Element[] => api.explorer.getChildren(undefined).filter((element) => String(api.explorer.getTreeItem(element).label).startsWith('leaky-'));
    await whenTrue(api.explorer.onDidChangeTreeData, () => contexts().length === 3, 'the three leaky contexts');
    const service = api.clusters.get();
    for (const name of ['leaky-401', 'leaky-refused', 'leaky-key']) service.connect(name);
    // Each connection ends in an error state the rows show (the context's own name set aside).
    const failed = (context: Element): boolean => {
      const texts = rowTexts(context, 1).map((text) => text.replaceAll(String(api.explorer.getTreeItem(context).label), ''));
      return !texts.some((text) => text.includes('connecting')) && texts.some((text) => /cannot|unauthori[sz]ed|refused|certificate|tls|key/i.test(text));
    };
    await whenTrue(api.explorer.onDidChangeTreeData, () => contexts().every(failed), 'an error row under each leaky context', 40_000);
    assert.deepEqual(leaks(rowTexts(undefined, 2)), []);
    assert.deepEqual(leaks(api.logLines()), []);
  });

  it('describes a Secret without its data or the copy in last-applied-configuration', async () => {
    const connection = api.clusters.get().connect('kube-workbench-sim')!;
    const changed: vscode.Event<unknown> = (listener) => connection.onDidChange(listener);
    await whenTrue(changed, () => connection.workloads.Deployment.size > 0, 'Deployments in the cache');
    // A namespace the cache knows, so Describe's palette path offers it.
    const namespace = [...connection.workloads.Deployment.values()][0]!.meta.namespace;
    const lastApplied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'planted', namespace }, data: { password: Buffer.from(ANNOTATION_VALUE).toString('base64') }, stringData: { plain: ANNOTATION_VALUE } });
    const applied = await connection.operations.apply(
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'planted', namespace, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } },
        data: { password: Buffer.from(SECRET_VALUE).toString('base64') },
      },
      { fieldManager: 'test', force: true, dryRun: false },
    );
    assert.ok(applied.ok);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { namespace, kind: 'Secret', name: 'planted' });
    const text = editor.document.getText();
    assert.match(text, /last-applied-configuration/);
    const encoded = [SECRET_VALUE, ANNOTATION_VALUE].map((value) => Buffer.from(value).toString('base64'));
    assert.deepEqual(leaks([text]), []);
    for (const value of encoded) assert.ok(!text.includes(value), 'a base64 value leaked into Describe');
    assert.deepEqual(leaks(api.logLines()), []);
  });

  it('lints wrongly typed Secret values without quoting them, in messages or quick fixes', async () => {
    const uri = vscode.Uri.file(`${folder}/leaky.yaml`);
    writeFileSync(uri.fsPath, manifest);
    const document = await vscode.workspace.openTextDocument(uri);
    const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'kube-workbench');
    await whenTrue(api.lint.onDidLint, () => ours().some((diagnostic) => /string/.test(diagnostic.message)), 'a type finding on the Secret');
    const texts = ours().map((diagnostic) => diagnostic.message);
    for (const diagnostic of ours()) {
      const actions = await codeActionsAt(document.uri, diagnostic.range);
      texts.push(...actions.map((action) => action.title));
    }
    assert.ok(texts.length > 3, `findings: ${texts.join(' | ')}`);
    assert.deepEqual(leaks(texts), []);
    assert.deepEqual(leaks(api.logLines()), []);
  });
});
