// Run task: a Job from checked answers, applied server-side, followed from the cluster cache (active /
// succeeded / failed pods) while each of its pods' logs streams into the task's output channel; it
// ends with Complete or the failure reason (BackoffLimitExceeded, DeadlineExceeded).
import * as vscode from 'vscode';
import { jobManifest, type JobInput } from '../../core/manifests/job.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import { askJob, type JobAnswers } from './job-inputs.ts';

export interface JobResult {
  readonly ok: boolean;
  readonly succeeded: number;
  readonly failed: number;
  readonly reason?: string;
}

/** Streams the logs of each pod of the Job once, as the pods appear. */
function streamLogs(connection: ClusterConnection, input: JobInput, channel: vscode.OutputChannel, stop: AbortSignal): { dispose(): void } {
  const started = new Set<string>();
  const follow = (): void => {
    for (const pod of connection.pods.byIndex('namespace', input.namespace)) {
      if (pod.meta.owner?.kind !== 'Job' || pod.meta.owner.name !== input.name || started.has(pod.meta.name) || pod.phase === 'Pending') continue;
      started.add(pod.meta.name);
      const ref = { kind: 'Pod', namespace: input.namespace, name: pod.meta.name };
      void connection.operations.logs(ref, { follow: true, timestamps: false, previous: false, signal: stop }, (line) => channel.appendLine(`[${pod.meta.name}] ${line}`));
    }
  };
  const subscription = connection.onDidChange(({ resource }) => resource === 'pods' && follow());
  follow();
  return subscription;
}

function followJob(connection: ClusterConnection, input: JobInput, progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken): Promise<JobResult> {
  return new Promise((resolve) => {
    const finish = (result: JobResult): void => {
      changes.dispose();
      cancel.dispose();
      resolve(result);
    };
    const check = (): void => {
      const job = connection.workloads.Job.get(input.namespace, input.name);
      if (job === undefined) return;
      progress.report({ message: `active ${job.active} · succeeded ${job.ready}/${job.desired} · failed ${job.failed}` });
      if (job.done) finish({ ok: true, succeeded: job.ready, failed: job.failed });
      else if (job.failure !== '') finish({ ok: false, succeeded: job.ready, failed: job.failed, reason: job.failure });
    };
    const changes = connection.onDidChange(({ resource }) => resource === 'Job' && check());
    const cancel = token.onCancellationRequested(() => finish({ ok: false, succeeded: 0, failed: 0, reason: 'stopped following (the Job goes on in the cluster)' }));
    check();
  });
}

async function runJob(clusters: ClusterServiceHolder, channels: Map<string, vscode.OutputChannel>, preset: JobAnswers): Promise<JobResult | undefined> {
  const config = clusters.get().config;
  if (!config.ok || config.value.currentContext === '') {
    void vscode.window.showErrorMessage(config.ok ? 'The kubeconfig sets no current context to run the task in.' : config.error.message);
    return undefined;
  }
  const context = config.value.currentContext;
  const input = await askJob(preset, config.value.contexts.find((candidate) => candidate.name === context)?.namespace || 'default');
  const connection = input === undefined ? undefined : clusters.get().connect(context);
  if (input === undefined || connection === undefined) return undefined;
  const applied = await connection.operations.apply(jobManifest(input), { fieldManager: 'kube-workbench', force: false, dryRun: false });
  if (!applied.ok) {
    void vscode.window.showErrorMessage(applied.error.message);
    return { ok: false, succeeded: 0, failed: 0, reason: applied.error.message };
  }
  const name = `Task: ${input.namespace}/${input.name}`;
  let channel = channels.get(name);
  if (channel === undefined) channels.set(name, (channel = vscode.window.createOutputChannel(name)));
  channel.show(true);
  const stop = new AbortController();
  const logs = streamLogs(connection, input, channel, stop.signal);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Running ${input.namespace}/${input.name}`, cancellable: true },
    (progress, token) => followJob(connection, input, progress, token),
  );
  logs.dispose();
  stop.abort();
  channel.appendLine(result.ok ? `[kube-workbench] Complete: ${result.succeeded} succeeded` : `[kube-workbench] ${result.reason} (${result.failed} failed)`);
  if (result.ok) void vscode.window.showInformationMessage(`${input.namespace}/${input.name} completed: ${result.succeeded} succeeded.`);
  else void vscode.window.showErrorMessage(`${input.namespace}/${input.name} failed: ${result.reason}`);
  return result;
}

export function registerJobCommand(clusters: ClusterServiceHolder): vscode.Disposable {
  const channels = new Map<string, vscode.OutputChannel>();
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.runJob, (preset?: JobAnswers) => runJob(clusters, channels, preset ?? {})),
    { dispose: () => channels.forEach((channel) => channel.dispose()) },
  );
}
