// The object commands invoked from the palette (no tree row): the namespace, then the object, picked
// from the cache; answers given up front go through the same lists. Also a pod's previous container log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SlimPod } from '../../src/core/cluster/pod-model.ts';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import { startSim, type Sim } from '../../src/sim/sim.ts';
import { podElement } from '../../src/vscode/explorer/rows/pod-row.ts';
import { CONFIG_SECTION, Commands, Settings } from '../../src/vscode/ids.ts';
import { activateWorkbench, whenTrue } from './extension-api.ts';

const CONTEXT = 'kube-workbench-sim';

describe('Object commands from the palette', function () {
  this.timeout(60_000);
  let sim: Sim;
  let api: KubeWorkbenchApi;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const connection = () => api.clusters.get().connect(CONTEXT)!;
  // The cache's own changes: the Explorer may never have shown these rows.
  const changed: vscode.Event<unknown> = (listener) => connection().onDidChange(listener);
  const until = (check: () => boolean, what: string): Promise<void> => whenTrue(changed, check, what);
  const apply = async (object: Record<string, unknown>): Promise<void> => assert.ok((await connection().operations.apply(object, { fieldManager: 'test', force: true, dryRun: false })).ok);

  before(async () => {
    sim = await startSim({ nodes: 2, pods: 10, seed: 33, log: () => undefined });
    api = await activateWorkbench();
    await setting.update(Settings.kubeconfig, sim.kubeconfigPath, vscode.ConfigurationTarget.Global);
    await until(() => connection().workloads.Deployment.size > 0 && connection().pods.size > 0, 'Deployments and pods in the cache');
  });

  after(async () => {
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sim.close();
  });

  /** A running pod of the cache, once there is one. */
  async function runningPod(where: (pod: SlimPod) => boolean = () => true): Promise<SlimPod> {
    const find = () => [...connection().pods.values()].find((pod) => pod.phase === 'Running' && pod.reason === '' && where(pod));
    await until(() => find() !== undefined, 'a running pod');
    return find()!;
  }

  it('scales and describes the Deployment named by the namespace and name answers', async () => {
    const deployment = [...connection().workloads.Deployment.values()][0]!;
    const answers = { namespace: deployment.meta.namespace, name: deployment.meta.name };
    const scaled = (replicas: number) => until(() => connection().workloads.Deployment.get(answers.namespace, answers.name)?.desired === replicas, `the Deployment scaled to ${replicas}`);
    assert.equal((await vscode.commands.executeCommand<{ ok: boolean }>(Commands.scale, answers, 0))?.ok, true);
    await scaled(0);
    assert.equal((await vscode.commands.executeCommand<{ ok: boolean }>(Commands.scale, answers, deployment.desired))?.ok, true);
    await scaled(deployment.desired);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { ...answers, kind: 'Deployment' });
    assert.match(editor.document.getText(), new RegExp(`^kind: Deployment\\n(.*\\n)*  name: ${answers.name}$`, 'm'));
  });

  it('offers only the kinds a command handles, and says so when an answer names nothing', async () => {
    const pod = await runningPod();
    // A pod is no workload to scale, and an unknown name or namespace is not in the lists either.
    assert.equal(await vscode.commands.executeCommand(Commands.scale, { namespace: pod.meta.namespace, name: pod.meta.name }, 1), undefined);
    assert.equal(await vscode.commands.executeCommand(Commands.restart, { namespace: pod.meta.namespace, name: 'no-such-workload' }), undefined);
    assert.equal(await vscode.commands.executeCommand(Commands.describe, { namespace: 'no-such-namespace', name: pod.meta.name }), undefined);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { namespace: pod.meta.namespace, kind: 'Pod', name: pod.meta.name });
    assert.match(editor.document.getText(), /^kind: Pod$/m);
  });

  it('shows a pod\'s logs and runs a CronJob now from the palette, then deletes the CronJob', async () => {
    const pod = await runningPod();
    const logs = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.logs, { namespace: pod.meta.namespace, name: pod.meta.name });
    assert.match(logs.document.getText(), /^\d{4}-\d\d-\d\dT\S+ starting /);
    const task = { restartPolicy: 'Never', containers: [{ name: 'task', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 1'] }] };
    await apply({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hourly', namespace: 'default' }, spec: { schedule: '0 * * * *', jobTemplate: { spec: { backoffLimit: 0, template: { spec: task } } } } });
    await until(() => connection().workloads.CronJob.get('default', 'hourly') !== undefined, 'the CronJob in the cache');
    assert.deepEqual(await vscode.commands.executeCommand(Commands.runCronJobNow, { namespace: 'default', name: 'hourly' }), { ok: true, succeeded: 1, failed: 0 });
    assert.equal((await vscode.commands.executeCommand<{ ok: boolean }>(Commands.deleteObject, { namespace: 'default', kind: 'CronJob', name: 'hourly' }, true))?.ok, true);
    await until(() => connection().workloads.CronJob.get('default', 'hourly') === undefined, 'the CronJob to leave the cache');
  });

  it('shows the log of a crashed container\'s previous instance, says when there is none, and restarts its Deployment', async () => {
    const container = { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 1; exit 3'] };
    await apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'crasher', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'crasher' } }, template: { metadata: { labels: { app: 'crasher' } }, spec: { containers: [container] } } },
    });
    const crashed = () => connection().pods.byIndex('namespace', 'default').find((pod) => pod.meta.name.startsWith('crasher-') && pod.reason === 'CrashLoopBackOff');
    await until(() => crashed() !== undefined, 'the crasher pod in CrashLoopBackOff');
    const name = crashed()!.meta.name;
    const row = podElement(CONTEXT, 'default', name, 'node');
    const previous = (await vscode.commands.executeCommand<vscode.TextEditor>(Commands.previousLogs, row)).document.getText().split('\n');
    assert.match(previous[0] ?? '', /^\[kube-workbench\] the previous, terminated instance of Pod default\/crasher-/);
    assert.match(previous[1] ?? '', /^\S+ starting app \(busybox:1\.36\)$/);
    assert.match(previous.at(-2) ?? '', /^\S+ error: exited with code 3$/);
    const healthy = await runningPod((pod) => pod.restarts === 0);
    const none = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.previousLogs, { namespace: healthy.meta.namespace, name: healthy.meta.name });
    assert.match(none.document.getText(), /previous terminated container "[^"]*" in pod/);
    assert.equal((await vscode.commands.executeCommand<{ ok: boolean }>(Commands.restart, { namespace: 'default', name: 'crasher' }))?.ok, true);
  });
});
