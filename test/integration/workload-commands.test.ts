// Scale, Restart, Delete and Describe from the Explorer's rows, against a simulated cluster.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { RESTARTED_AT } from '../../src/cluster/object-operations.ts';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import { startSim, type Sim } from '../../src/sim/sim.ts';
import type { Element, ElementOf } from '../../src/vscode/explorer/elements.ts';
import { CONFIG_SECTION, Commands, DESCRIBE_LANGUAGE, Settings } from '../../src/vscode/ids.ts';
import { answered, seamOf } from './command-answers.ts';
import { activateWorkbench, firstDeploymentRow, whenTrue } from './extension-api.ts';

type Outcome<T = unknown> = { ok: boolean; kind?: string; message: string; value?: T };

describe('Workload commands on the simulated cluster', function () {
  this.timeout(60_000);
  let sim: Sim;
  let api: KubeWorkbenchApi;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);

  const until = (check: () => boolean, what: string): Promise<void> => whenTrue(api.explorer.onDidChangeTreeData, check, what);

  const rows = (element?: Element): Element[] => api.explorer.getChildren(element);

  const deploymentRow = (context: string): Promise<ElementOf<'workload'>> => firstDeploymentRow(api, context);

  const live = (row: ElementOf<'workload'>) => api.clusters.get().connection(row.context)!.workloads.Deployment.get(row.namespace, row.name);

  before(async () => {
    sim = await startSim({ nodes: 2, pods: 10, seed: 21, log: () => undefined });
    api = await activateWorkbench();
    await setting.update(Settings.kubeconfig, sim.kubeconfigPath, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sim.close();
  });

  it('scales a Deployment to 0 and back, and the tree follows', async () => {
    const row = await deploymentRow('kube-workbench-sim');
    const original = live(row)!.desired;
    const down = await answered(api, { steps: { replicas: '0' } }, () => vscode.commands.executeCommand<Outcome>(Commands.scale, row));
    assert.equal(down.result.ok, true, down.result.message);
    assert.equal(down.result.message, `Scaled Deployment ${row.namespace}/${row.name} to 0 replicas in context "kube-workbench-sim".`);
    await until(() => live(row)?.desired === 0 && /^0\/0 ready/.test(String(api.explorer.getTreeItem(row).description)), 'the row to show 0/0');
    const up = await answered(api, { steps: { replicas: String(original) } }, () => vscode.commands.executeCommand<Outcome>(Commands.scale, row));
    assert.equal(up.result.ok, true);
    assert.deepEqual(up.shown.map((step) => [step.name, step.value]), [['replicas', '0']], 'the box starts with the replicas it runs now');
    await until(() => live(row)?.desired === original, `${original} replicas again`);
  });

  it('restarts a Deployment by stamping its pod template', async () => {
    const row = await deploymentRow('kube-workbench-sim');
    const restarted = await vscode.commands.executeCommand<Outcome>(Commands.restart, row);
    assert.equal(restarted.ok, true);
    const read = await api.clusters.get().connection(row.context)!.operations.get({ kind: 'Deployment', namespace: row.namespace, name: row.name });
    assert.ok(read.ok);
    const annotations = (read.value as { spec: { template: { metadata: { annotations?: Record<string, string> } } } }).spec.template.metadata.annotations ?? {};
    assert.ok(!Number.isNaN(Date.parse(annotations[RESTARTED_AT] ?? '')), JSON.stringify(annotations));
  });

  it("describes a Deployment as kubectl does, with the deployment controller's events at the end, read afresh each time", async () => {
    const row = await deploymentRow('kube-workbench-sim');
    const describeRow = async (): Promise<string> => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, row);
      assert.equal(editor.document.languageId, DESCRIBE_LANGUAGE);
      return editor.document.getText();
    };
    const connection = api.clusters.get().connection(row.context)!;
    assert.ok((await connection.operations.scale({ kind: 'Deployment', namespace: row.namespace, name: row.name }, 0)).ok);
    await until(() => live(row)?.desired === 0, 'the Deployment scaled to 0');
    const before = await describeRow();
    assert.match(before, new RegExp(`^Name: +${row.name}\\nNamespace: +${row.namespace}\\nKind: +Deployment$`, 'm'));
    assert.match(before, /^Replicas: +0 desired \| \d+ updated \| \d+ total \| \d+ available \| \d+ unavailable$/m);
    assert.match(before, /^Events:\n {2}Type +Reason +Age +From +Message\n(.*\n)* {2}Normal +ScalingReplicaSet +\S+ +deployment-controller +Scaled down replica set /m);
    assert.ok(!before.includes('managedFields'));
    // Describe again while its document is open: a new read, not the text of the first.
    assert.ok((await connection.operations.scale({ kind: 'Deployment', namespace: row.namespace, name: row.name }, 1)).ok);
    await until(() => live(row)?.desired === 1, 'the Deployment scaled to 1');
    assert.match(await describeRow(), /^Replicas: +1 desired \|/m);
  });

  it('shows the last lines of a pod\'s log, with timestamps, as a read-only document', async () => {
    const podRow = (): Element | undefined => {
      const contextRow = rows().find((element) => element.type === 'context' && element.context === 'kube-workbench-sim');
      const nodes = contextRow && rows(contextRow).find((element) => element.type === 'nodes');
      for (const node of nodes ? rows(nodes) : []) {
        const pod = rows(node).find((element) => element.type === 'pod' && /Running/.test(String(api.explorer.getTreeItem(element).description)));
        if (pod !== undefined) return pod;
      }
      return undefined;
    };
    await until(() => podRow() !== undefined, 'a running pod row');
    const editor = (await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.logs, podRow())).value!;
    const lines = editor.document.getText().split('\n').filter((line) => line !== '');
    assert.ok(lines.length > 0);
    assert.match(lines[0] ?? '', /^\d{4}-\d\d-\d\dT\S+ /);
  });

  it('lints a request no node of the connected cluster can hold as request-exceeds-node', async () => {
    await deploymentRow('kube-workbench-sim');
    const content = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: huge', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27.3', '      resources:', '        requests:', '          cpu: "500"', ''].join('\n');
    // The lint may finish before openTextDocument resolves: remember every lint until the document is known.
    const document = await new Promise<vscode.TextDocument>((resolve) => {
      let opened: vscode.TextDocument | undefined;
      const linted = new Set<string>();
      const settle = (): void => {
        if (opened === undefined || !linted.has(opened.uri.toString())) return;
        subscription.dispose();
        resolve(opened);
      };
      const subscription = api.lint.onDidLint((uri) => {
        linted.add(uri.toString());
        settle();
      });
      void vscode.workspace.openTextDocument({ language: 'yaml', content }).then((document) => {
        opened = document;
        settle();
      });
    });
    const exceeds = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => (diagnostic.code as { value: string }).value === 'request-exceeds-node');
    assert.equal(exceeds.length, 1);
    assert.equal(document.getText(exceeds[0]!.range), '"500"');
    assert.match(exceeds[0]!.message, /exceeds the largest node's allocatable 15\d{3}m/);
    // An untitled document is dirty: revert it so closing it asks nothing.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('deploys an image: Deployment and Service applied, rollout followed until the pods are ready', async () => {
    const steps = { image: 'nginx:1.27.3', name: 'hello', namespace: 'default', replicas: '2', port: '8080', 'CPU request': '100m', 'memory request': '128Mi' };
    const { result } = await answered(api, { steps, questions: () => 'Deploy' }, () => vscode.commands.executeCommand<Outcome<{ ready: number }>>(Commands.deployImage));
    assert.equal(result.ok, true, result.message);
    assert.deepEqual(result.value, { ready: 2 });
    assert.equal(result.message, 'Deployment default/hello is running: 2/2 ready (context "kube-workbench-sim").');
    const connection = api.clusters.get().connection('kube-workbench-sim')!;
    assert.equal(connection.workloads.Service.get('default', 'hello')?.detail, 'ClusterIP 8080');
    const read = await connection.operations.get({ kind: 'Deployment', namespace: 'default', name: 'hello' });
    assert.ok(read.ok);
    const managers = ((read.value as { metadata: { managedFields?: { manager: string }[] } }).metadata.managedFields ?? []).map((entry) => entry.manager);
    assert.ok(managers.includes('kube-workbench'), managers.join(', '));
  });

  it('shows the logs of every pod of a Deployment in one document, each line marked with its pod', async () => {
    const row = { type: 'workload', id: 'wl:kube-workbench-sim:default:Deployment/hello', context: 'kube-workbench-sim', namespace: 'default', kind: 'Deployment', name: 'hello' } as const;
    const editor = (await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.logs, row)).value!;
    const lines = editor.document.getText().split('\n').filter((line) => line !== '');
    const pods = new Set(lines.map((line) => /^\[(hello-[^\]]+)\] \d{4}-\d\d-\d\dT/.exec(line)?.[1]));
    assert.ok(!pods.has(undefined), lines.slice(0, 3).join(' | '));
    assert.equal(pods.size, 2, [...pods].join(', '));
  });

  it('reports why a deployment cannot run: a request larger than any node is Unschedulable', async () => {
    const steps = { image: 'nginx:1.27.3', name: 'too-big', namespace: 'default', replicas: '1', port: '', 'CPU request': '500', 'memory request': '128Mi' };
    const { result } = await answered(api, { steps, questions: () => 'Deploy' }, () => vscode.commands.executeCommand<Outcome<{ ready: number; pod?: string }>>(Commands.deployImage));
    assert.equal(result.ok, false);
    assert.equal(result.kind, 'stuck');
    assert.match(result.message, /^Deploy Deployment default\/too-big in context "kube-workbench-sim": Unschedulable: 0\/\d+ nodes are available: .*Insufficient cpu/);
    assert.match(result.value?.pod ?? '', /^too-big-/);
  });

  const task = { image: 'busybox:1.36', namespace: 'default', completions: '2', parallelism: '2', 'retries (backoffLimit)': '1', 'deadline in seconds': '120' };
  type JobRun = { job: string; succeeded: number; failed: number };

  it('runs a task: the Job completes with every completion succeeded', async () => {
    const steps = { ...task, name: 'greet', command: 'sh -c "echo hello; sleep 1"' };
    const { result } = await answered(api, { steps }, () => vscode.commands.executeCommand<Outcome<JobRun>>(Commands.runJob));
    assert.deepEqual([result.ok, result.value, result.message], [true, { job: 'default/greet', succeeded: 2, failed: 0 }, 'Job default/greet completed: 2 succeeded (context "kube-workbench-sim").']);
    const read = await api.clusters.get().connection('kube-workbench-sim')!.operations.get({ kind: 'Job', namespace: 'default', name: 'greet' });
    assert.ok(read.ok);
    const container = (read.value as { spec: { template: { spec: { containers: { command: string[]; args: string[] }[] } } } }).spec.template.spec.containers[0];
    assert.deepEqual([container?.command, container?.args], [['sh'], ['-c', 'echo hello; sleep 1']]);
  });

  it('runs a failing task until its retries are spent: BackoffLimitExceeded', async () => {
    const steps = { ...task, name: 'flaky', command: 'sh -c "sleep 1; exit 1"', completions: '3' };
    const { result } = await answered(api, { steps }, () => vscode.commands.executeCommand<Outcome<JobRun>>(Commands.runJob));
    assert.equal(result.ok, false);
    assert.equal(result.kind, 'failed');
    assert.match(result.message, /^Run Job default\/flaky in context "kube-workbench-sim": BackoffLimitExceeded \(\d+ failed\)$/);
    assert.ok((result.value?.failed ?? 0) >= 2, `${result.value?.failed} failed pods`);
  });

  it('applies the current manifest server-side, and forces only when told to after a conflict', async () => {
    const manifest = (level: string): string => ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: applied-settings', '  namespace: default', 'data:', `  level: ${level}`, ''].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: manifest('info') });
    await vscode.window.showTextDocument(document);
    type Applied = Outcome<{ applied: string[]; fit: string[] }>;
    const applyAnswering = (force: string | undefined) => answered(api, { questions: (question) => (question.choices.includes('Force') ? force : 'Apply') }, () => vscode.commands.executeCommand<Applied>(Commands.apply));
    const first = await applyAnswering(undefined);
    assert.deepEqual(first.result.value, { applied: ['ConfigMap default/applied-settings'], fit: [] });
    const operations = api.clusters.get().connection('kube-workbench-sim')!.operations;
    const other = await operations.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied-settings', namespace: 'default' }, data: { level: 'warn' } }, { fieldManager: 'someone-else', force: true, dryRun: false });
    assert.ok(other.ok);
    // The diff took the editor area: the manifest comes back to the front before each Apply.
    const shown = await vscode.window.showTextDocument(document);
    await shown.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), manifest('debug')));
    const declined = await applyAnswering(undefined);
    assert.equal(declined.result.kind, 'conflict');
    assert.match(declined.asked[0]?.message ?? '', /conflict/i);
    await vscode.window.showTextDocument(document);
    const forced = await applyAnswering('Force');
    assert.equal(forced.result.ok, true, forced.result.message);
    assert.deepEqual(forced.asked.map((question) => question.choices), [['Force'], ['Apply']]);
    const read = await operations.get({ kind: 'ConfigMap', namespace: 'default', name: 'applied-settings' });
    assert.ok(read.ok);
    assert.deepEqual((read.value as { data: unknown }).data, { level: 'debug' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('runs a CronJob now: a Job from its template, followed to Complete', async () => {
    const operations = api.clusters.get().connection('kube-workbench-sim')!.operations;
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'yearly', namespace: 'default' },
      spec: {
        schedule: '0 0 1 1 *',
        jobTemplate: { spec: { backoffLimit: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'task', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 1'] }] } } } },
      },
    };
    assert.ok((await operations.apply(cronJob, { fieldManager: 'test', force: true, dryRun: false })).ok);
    const connection = api.clusters.get().connection('kube-workbench-sim')!;
    await until(() => connection.workloads.CronJob.get('default', 'yearly') !== undefined, 'the CronJob in the cache');
    const row = { type: 'workload', id: 'wl:kube-workbench-sim:default:CronJob/yearly', context: 'kube-workbench-sim', namespace: 'default', kind: 'CronJob', name: 'yearly' } as const;
    const result = await vscode.commands.executeCommand<Outcome<{ job: string; succeeded: number; failed: number }>>(Commands.runCronJobNow, row);
    assert.equal(result.ok, true, result.message);
    const manual = [...connection.workloads.Job.values()].find((job) => job.meta.name.startsWith('yearly-manual-'));
    assert.deepEqual(result.value, { job: `default/${manual?.meta.name}`, succeeded: 1, failed: 0 });
    assert.deepEqual(manual?.meta.owner, { kind: 'CronJob', name: 'yearly' });
  });

  it('tells a read-only user no, and changes nothing', async () => {
    const row = await deploymentRow('kube-workbench-sim-readonly');
    const before = live(row)!.desired;
    const { result: denied } = await answered(api, { steps: { replicas: String(before + 5) } }, () => vscode.commands.executeCommand<Outcome>(Commands.scale, row));
    assert.equal(denied.ok, false);
    assert.equal(denied.kind, 'forbidden');
    assert.match(denied.message, /not allowed to scale Deployment .* in context "kube-workbench-sim-readonly"/);
    assert.equal(live(row)!.desired, before);
  });

  it('waits out a slow cluster under its progress notification, then reports the result', async () => {
    const row = await deploymentRow('kube-workbench-sim');
    const desired = live(row)!.desired;
    sim.applyFault({ type: 'latency', ms: 1500 });
    const started = Date.now();
    try {
      const { result } = await answered(api, { steps: { replicas: String(desired + 1) } }, () => vscode.commands.executeCommand<Outcome>(Commands.scale, row));
      assert.equal(result.ok, true, result.message);
      assert.ok(Date.now() - started >= 1500, 'the request went through the slow cluster');
    } finally {
      sim.applyFault({ type: 'clear' });
    }
    await until(() => live(row)?.desired === desired + 1, `${desired + 1} replicas`);
  });

  it('stops waiting for a slow cluster when Cancel is pressed, and says the change may stay', async () => {
    const row = await deploymentRow('kube-workbench-sim');
    sim.applyFault({ type: 'latency', ms: 5000 });
    // Cancel as soon as the progress notification starts, as its button would.
    const pressCancel = seamOf(api).onDidStartProgress((progress) => progress.cancel());
    try {
      const { result } = await answered(api, { steps: { replicas: String(live(row)!.desired + 1) } }, () => vscode.commands.executeCommand<Outcome>(Commands.scale, row));
      assert.equal(result.kind, 'cancelled');
      assert.match(result.message, /^Scale Deployment .* in context "kube-workbench-sim": cancelled; if the cluster already received the change, it stays\.$/);
    } finally {
      pressCancel.dispose();
      sim.applyFault({ type: 'clear' });
    }
  });

  it('deletes a Deployment after confirmation, and its row goes', async () => {
    const row = await deploymentRow('kube-workbench-sim');
    const deleted = await answered(api, { questions: (question) => (question.choices.includes('Delete') ? 'Delete' : undefined) }, () => vscode.commands.executeCommand<Outcome>(Commands.deleteObject, row));
    assert.equal(deleted.result.ok, true, deleted.result.message);
    assert.deepEqual(deleted.asked.map((question) => question.message), [`Delete Deployment ${row.namespace}/${row.name} and everything it owns (its pods) in context "kube-workbench-sim"?`]);
    await until(() => live(row) === undefined, 'the Deployment to leave the cache');
    assert.equal(String(api.explorer.getTreeItem(row).description), 'deleted');
  });

  it('keeps its cluster connections when a lint setting changes', async () => {
    const before = api.clusters.get().connection('kube-workbench-sim');
    assert.ok(before);
    await setting.update(Settings.lintRules, { 'latest-tag': 'off' }, vscode.ConfigurationTarget.Global);
    await setting.update(Settings.lintRules, undefined, vscode.ConfigurationTarget.Global);
    assert.equal(api.clusters.get().connection('kube-workbench-sim'), before);
  });

  it('switches the current context in the kubeconfig file, as kubectl config use-context does', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.switchContext, 'kube-workbench-sim-readonly'), 'kube-workbench-sim-readonly');
    assert.match(readFileSync(sim.kubeconfigPath, 'utf8'), /^current-context: kube-workbench-sim-readonly$/m);
    const config = api.clusters.get().config;
    assert.ok(config.ok && config.value.currentContext === 'kube-workbench-sim-readonly');
    await until(() => {
      const row = rows().find((element) => element.type === 'context' && element.context === 'kube-workbench-sim-readonly');
      return row !== undefined && /current/.test(String(api.explorer.getTreeItem(row).description));
    }, 'the read-only context row marked current');
    await vscode.commands.executeCommand(Commands.switchContext, 'kube-workbench-sim');
  });

  it('switches the current context\'s namespace in the kubeconfig file', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.switchNamespace, 'team-b'), 'team-b');
    const config = api.clusters.get().config;
    assert.ok(config.ok);
    assert.equal(config.value.contexts.find((context) => context.name === 'kube-workbench-sim')?.namespace, 'team-b');
    assert.match(readFileSync(sim.kubeconfigPath, 'utf8'), /^ +namespace: team-b$/m);
    assert.equal(await vscode.commands.executeCommand(Commands.switchNamespace, 'Not_Valid'), undefined);
  });
});
