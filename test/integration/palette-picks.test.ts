// The object commands invoked from the palette (no tree row): the namespace, then the object, picked
// from the cache; answers given up front go through the same lists. Also a pod's previous container log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { podElement } from '../../src/vscode/explorer/rows/pod-row.ts';
import { Commands } from '../../src/vscode/ids.ts';
import { answered } from './command-answers.ts';
import { CONTEXT, simSuite } from './sim-suite.ts';

type Outcome<T = unknown> = { ok: boolean; kind?: string; message: string; value?: T };

describe('Object commands from the palette', function () {
  this.timeout(60_000);
  const suite = simSuite({ nodes: 2, pods: 10, seed: 33 });
  const { connection, until, apply, runningPod } = suite;

  before(() => until(() => connection().workloads.Deployment.size > 0 && connection().pods.size > 0, 'Deployments and pods in the cache'));

  it('scales and describes the Deployment named by the namespace and name answers', async () => {
    const deployment = [...connection().workloads.Deployment.values()][0]!;
    const answers = { namespace: deployment.meta.namespace, name: deployment.meta.name };
    const scaled = (replicas: number) => until(() => connection().workloads.Deployment.get(answers.namespace, answers.name)?.desired === replicas, `the Deployment scaled to ${replicas}`);
    const scale = (replicas: number) => answered(suite.api, { steps: { replicas: String(replicas) } }, () => vscode.commands.executeCommand<Outcome>(Commands.scale, answers));
    assert.equal((await scale(0)).result.ok, true);
    await scaled(0);
    assert.equal((await scale(deployment.desired)).result.ok, true);
    await scaled(deployment.desired);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { ...answers, kind: 'Deployment' });
    assert.match(editor.document.getText(), new RegExp(`^Name: +${answers.name}\\n(.*\\n)*Kind: +Deployment$`, 'm'));
  });

  it('offers only the kinds a command handles, and says so when an answer names nothing', async () => {
    const pod = await runningPod();
    // A pod is no workload to scale, and an unknown name or namespace is not in the lists either.
    assert.equal((await vscode.commands.executeCommand<Outcome>(Commands.scale, { namespace: pod.meta.namespace, name: pod.meta.name })).kind, 'cancelled');
    assert.equal((await vscode.commands.executeCommand<Outcome>(Commands.restart, { namespace: pod.meta.namespace, name: 'no-such-workload' })).kind, 'cancelled');
    assert.equal(await vscode.commands.executeCommand(Commands.describe, { namespace: 'no-such-namespace', name: pod.meta.name }), undefined);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, { namespace: pod.meta.namespace, kind: 'Pod', name: pod.meta.name });
    assert.match(editor.document.getText(), /^Kind: +Pod$/m);
  });

  it('shows a pod\'s logs and runs a CronJob now from the palette, then deletes the CronJob', async () => {
    const pod = await runningPod();
    const logs = (await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.logs, { namespace: pod.meta.namespace, name: pod.meta.name })).value!;
    assert.match(logs.document.getText(), /^\d{4}-\d\d-\d\dT\S+ starting /);
    const task = { restartPolicy: 'Never', containers: [{ name: 'task', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 1'] }] };
    await apply({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hourly', namespace: 'default' }, spec: { schedule: '0 * * * *', jobTemplate: { spec: { backoffLimit: 0, template: { spec: task } } } } });
    await until(() => connection().workloads.CronJob.get('default', 'hourly') !== undefined, 'the CronJob in the cache');
    const ran = await vscode.commands.executeCommand<Outcome<{ succeeded: number; failed: number }>>(Commands.runCronJobNow, { namespace: 'default', name: 'hourly' });
    assert.deepEqual([ran.ok, ran.value?.succeeded, ran.value?.failed], [true, 1, 0]);
    const deleted = await answered(suite.api, { questions: () => 'Delete' }, () => vscode.commands.executeCommand<Outcome>(Commands.deleteObject, { namespace: 'default', kind: 'CronJob', name: 'hourly' }));
    assert.equal(deleted.result.ok, true, deleted.result.message);
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
    const previous = (await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.previousLogs, row)).value!.document.getText().split('\n');
    assert.match(previous[0] ?? '', /^\[kube-workbench\] the previous, terminated instance of Pod default\/crasher-/);
    assert.match(previous[1] ?? '', /^\S+ starting app \(busybox:1\.36\)$/);
    assert.match(previous.at(-2) ?? '', /^\S+ error: exited with code 3$/);
    const healthy = await runningPod((pod) => pod.restarts === 0);
    const none = (await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.previousLogs, { namespace: healthy.meta.namespace, name: healthy.meta.name })).value!;
    assert.match(none.document.getText(), /previous terminated container "[^"]*" in pod/);
    assert.equal((await vscode.commands.executeCommand<Outcome>(Commands.restart, { namespace: 'default', name: 'crasher' })).ok, true);
  });
});
