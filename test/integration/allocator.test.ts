// The allocator in a real VS Code against the simulated cluster: eight days of usage from the sim's
// Prometheus become request-suggestion diagnostics with the suggestion, Guaranteed and Burstable
// fixes, a hover on `resources:` (naming the namespace kubectl would use, and why there are no numbers
// when there are none), and the right-sizing report with its CSV export and rows that reveal their
// workload in the Explorer.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import { estimateQuantities } from '../../src/core/allocator/recommender.ts';
import { startSim, type Sim } from '../../src/sim/sim.ts';
import type { RightSizingReport } from '../../src/vscode/allocator/right-sizing-report.ts';
import { CONFIG_SECTION, Commands, Settings } from '../../src/vscode/ids.ts';
import { answered } from './command-answers.ts';
import { codeActionsAt } from './code-actions.ts';
import { activateWorkbench, whenTrue } from './extension-api.ts';

const CONTEXT = 'kube-workbench-sim';

describe('Allocator in the editor', function () {
  this.timeout(90_000);
  let sim: Sim;
  let api: KubeWorkbenchApi;
  let workload: { namespace: string; name: string; container: string };
  let document: vscode.TextDocument;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);

  const usageOf = () => api.clusters.get().usage?.find(CONTEXT, workload.namespace, workload.name, workload.container);
  const suggestions = (): vscode.Diagnostic[] =>
    vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => (diagnostic.code as { value?: string } | undefined)?.value === 'request-suggestion');

  before(async () => {
    sim = await startSim({ nodes: 2, pods: 8, seed: 33, log: () => undefined });
    api = await activateWorkbench();
    await setting.update(Settings.allocatorPrometheusUrl, sim.prometheusUrl, vscode.ConfigurationTarget.Global);
    await setting.update(Settings.kubeconfig, sim.kubeconfigPath, vscode.ConfigurationTarget.Global);
    const connection = api.clusters.get().connect(CONTEXT)!;
    await whenTrue((listener) => connection.onDidChangeState(listener), () => connection.state('Deployment').phase === 'synced', 'Deployments listed');
    const deployment = [...connection.workloads.Deployment.values()][0]!;
    workload = { namespace: deployment.meta.namespace, name: deployment.meta.name, container: deployment.containers[0]!.name };
    const usage = api.clusters.get().usage!;
    await whenTrue((listener) => usage.onDidChange(listener), () => usageOf()?.recommendation !== undefined, `a recommendation for ${workload.name} from Prometheus`);
  });

  after(async () => {
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await setting.update(Settings.allocatorPrometheusUrl, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sim.close();
  });

  it('has days of history from Prometheus at once, never a zero request', () => {
    const usage = usageOf()!;
    assert.ok(usage.confidenceDays > 7, `confidence ${usage.confidenceDays} days`);
    assert.ok(usage.recommendation!.target.cpu >= 0.025 && usage.recommendation!.target.memory > 0);
    assert.ok(usage.chart.cpu.some((value) => value > 0), 'an hourly CPU chart');
  });

  it('suggests requests on a manifest of that workload, with the three fixes', async () => {
    // Outside the workspace folder: the folder's own manifests, linted as one file set by other suites, stay as they were.
    const path = join(mkdtempSync(join(tmpdir(), 'kwb-allocator-')), 'right-size-me.yaml');
    writeFileSync(
      path,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${workload.name}`,
        `  namespace: ${workload.namespace}`,
        'spec:',
        '  selector: {matchLabels: {app: x}}',
        '  template:',
        '    metadata: {labels: {app: x}}',
        '    spec:',
        '      containers:',
        `      - name: ${workload.container}`,
        '        image: nginx:1.27',
        '        resources:',
        '          requests:',
        '            cpu: "8"',
        '            memory: 16Gi',
        '',
      ].join('\n'),
    );
    document = await vscode.workspace.openTextDocument(path);
    await vscode.window.showTextDocument(document);
    await whenTrue(vscode.languages.onDidChangeDiagnostics, () => suggestions().length === 1, 'a request-suggestion diagnostic');
    const [diagnostic] = suggestions();
    assert.match(diagnostic!.message, /^Observed usage suggests requests of cpu \d+m \(set: 8\), memory \d+Mi \(set: 16Gi\)\.$/);
    const actions = await codeActionsAt(document.uri, diagnostic!.range, vscode.CodeActionKind.QuickFix);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.some((title) => title.startsWith('Apply suggested requests: ')), titles.join(', '));
    assert.ok(titles.some((title) => title.startsWith('Guaranteed QoS: requests = limits = ')), titles.join(', '));
    const burstable = actions.find((action) => action.title.startsWith('Burstable QoS: '));
    assert.ok(burstable?.edit, titles.join(', '));
    assert.ok(await vscode.workspace.applyEdit(burstable.edit));
    await document.save();
    assert.match(document.getText(), /requests:\n {12}cpu: "\d+m"\n {12}memory: "\d+Mi"\n {10}limits:\n {12}cpu: "\d+m"\n {12}memory: "\d+Mi"\n$/);
  });

  const hoverText = async (on: vscode.TextDocument): Promise<string> => {
    const line = on.getText().split('\n').findIndex((text) => text.trim() === 'resources:');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', on.uri, new vscode.Position(line, 10));
    return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
  };

  it('shows target, bounds, today\'s request and a usage sparkline on hover over resources:', async () => {
    const text = await hoverText(document);
    assert.match(text, new RegExp(`^\\*\\*Right-sizing\\*\\* container \`${workload.container}\` of Deployment \`${workload.namespace}/${workload.name}\` in context \`${CONTEXT}\`\n\n\\|`));
    assert.match(text, /\| Target \| \d+m \| \d+Mi \|/);
    assert.match(text, /\| Upper bound \|/);
    assert.match(text, /\| Requested now \| \d+m \| \d+Mi \|/);
    assert.match(text, /`[▁▂▃▄▅▆▇█ ]{10,}`/);
  });

  it("names a manifest's workload in the context's namespace when it sets none, and says Prometheus has no samples of it", async () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: frontend}',
      'spec:',
      '  selector: {matchLabels: {app: frontend}}',
      '  template:',
      '    metadata: {labels: {app: frontend}}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27.3',
      '        resources:',
      '          requests: {cpu: 100m}',
      '',
    ].join('\n');
    const text = await hoverText(await vscode.workspace.openTextDocument({ language: 'yaml', content: manifest }));
    assert.match(text, /container `web` of Deployment `default\/frontend` in context/);
    assert.match(text, /Namespace `default`: the manifest sets no namespace, so `kubectl apply` uses the context's\./);
    const prometheus = new URL(sim.prometheusUrl!).host;
    assert.match(text, new RegExp(`No samples for container \`web\` of Deployment \`default/frontend\` yet: Prometheus at ${prometheus.replaceAll('.', '\\.')} returned \\d+ series, none of this container\\.`));
    assert.doesNotMatch(text, /prometheusUrl/);
  });

  it('opens the right-sizing report with freed capacity and exports it as CSV', async () => {
    const report = await vscode.commands.executeCommand<RightSizingReport>(Commands.showRightSizingReport);
    const row = report.rows().find((candidate) => candidate.workload === workload.name && candidate.container === workload.container);
    assert.ok(row, report.rows().map((candidate) => candidate.workload).join(', '));
    assert.equal(row.kind, 'Deployment');
    assert.ok(row.replicas >= 1);
    assert.match(report.html(), /<table id="report">/);
    assert.match(report.html(), /Applying every recommendation would free <strong>[\d.]+ cores<\/strong>/);
    const html = report.html();
    assert.match(html, /content="default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';"/);
    assert.doesNotMatch(html, / style="|unsafe-inline|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // Each chart spans its own range, with the target dashed and titled strips to hover.
    assert.match(html, /<svg [^>]*class="usage-chart"[^>]*height="56"[^>]*role="img"/);
    assert.match(html, /<line class="target"/);
    assert.match(html, /<rect x="\d+" width="\d+" height="100"><title>[^<]+: (\d+m( – \d+m)?|no samples)<\/title><\/rect>/);
    assert.match(html, /<span class="axis high">\d+m<\/span><span class="axis low">\d+m<\/span>/);
    assert.match(html, new RegExp(`<tbody class="entry" [^>]*data-namespace="${workload.namespace}" data-kind="Deployment" data-name="${workload.name}" data-container="${workload.container}">`));
    const csvPath = join(mkdtempSync(join(tmpdir(), 'kwb-report-')), 'report.csv');
    await report.exportCsv(vscode.Uri.file(csvPath));
    const lines = readFileSync(csvPath, 'utf8').trimEnd().split('\r\n');
    assert.equal(lines.length, report.rows().length + 1);
    assert.match(lines[0]!, /^namespace,workload,kind,container,replicas,current_cpu/);
    report.panel.dispose();
  });

  it("reveals a report row's workload in the Explorer, selected", async () => {
    const report = await vscode.commands.executeCommand<RightSizingReport>(Commands.showRightSizingReport);
    const selected = (): boolean => api.explorerView.selection.some((element) => element.type === 'workload' && element.kind === 'Deployment' && element.namespace === workload.namespace && element.name === workload.name);
    const revealed = whenTrue(api.explorerView.onDidChangeSelection, selected, `Deployment ${workload.namespace}/${workload.name} selected in the Explorer`);
    // What the page sends when the row is clicked.
    await report.receive({ type: 'reveal', namespace: workload.namespace, kind: 'Deployment', name: workload.name });
    await revealed;
    assert.equal(api.explorerView.visible, true);
    assert.equal(await vscode.commands.executeCommand(Commands.revealWorkload, { context: CONTEXT, namespace: workload.namespace, kind: 'Deployment', name: 'no-such-workload' }), false);
    report.panel.dispose();
  });

  it("pre-fills Deploy Image's requests with the target of the workload of that name", async () => {
    const target = (): string => JSON.stringify(estimateQuantities(usageOf()!.recommendation!.target));
    const before = target();
    const steps = { image: 'nginx:1.27.3', name: workload.name, namespace: workload.namespace, replicas: '1', port: '', 'CPU request': undefined, 'memory request': undefined };
    const { result } = await answered(api, { steps, questions: () => 'Deploy' }, () => vscode.commands.executeCommand<{ ok: boolean; message: string }>(Commands.deployImage));
    assert.ok(result.message);
    const read = await api.clusters.get().connection(CONTEXT)!.operations.get({ kind: 'Deployment', namespace: workload.namespace, name: workload.name });
    assert.ok(read.ok);
    const containers = (read.value as { spec: { template: { spec: { containers: { name: string; resources?: { requests?: unknown } }[] } } } }).spec.template.spec.containers;
    const deployed = JSON.stringify(containers.find((container) => container.name === workload.name)?.resources?.requests);
    // A sample may land between the two reads: either target is the allocator's.
    assert.ok([before, target()].includes(deployed), `${deployed} is not ${before}`);
  });

  it('tells before Apply how many replicas of a workload fit the free capacity, and what blocks the rest', async () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: fit-check, namespace: default}',
      'spec:',
      '  replicas: 40',
      '  selector: {matchLabels: {app: fit-check}}',
      '  template:',
      '    metadata: {labels: {app: fit-check}}',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        image: nginx:1.27.3',
      '        resources: {requests: {cpu: "1", memory: 64Mi}}',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: manifest });
    await vscode.window.showTextDocument(document);
    const { result, asked } = await answered(api, { questions: () => 'Apply' }, () => vscode.commands.executeCommand<{ ok: boolean; message: string; value?: { fit: string[] } }>(Commands.apply));
    assert.equal(result.ok, true, result.message);
    assert.equal(asked.at(-1)?.detail, result.value?.fit[0], 'the confirmation said it');
    assert.match(result.value?.fit[0] ?? '', /^Deployment fit-check: only \d+ of 40 replicas fit the nodes' free capacity; cpu blocks the rest$/);
    // Apply's diff took the front: the manifest comes back to be reverted and closed.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
