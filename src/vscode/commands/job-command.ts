// Run task (and Run CronJob now): a Job from checked answers (or a CronJob's template), applied server-side, followed from the cluster cache (active /
// succeeded / failed pods) while each of its pods' logs streams into the task's output channel; it
// ends with Complete or the failure reason (BackoffLimitExceeded, DeadlineExceeded).
import * as vscode from 'vscode';
import { jobFromCronJob } from '../../core/manifests/job-from-cronjob.ts';
import { jobManifest } from '../../core/manifests/job.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import { askJob, type JobAnswers } from './job-inputs.ts';
import { namespaceChoices } from './object-picks.ts';
import { resolveTarget, type TargetArgument } from './object-picks.ts';
import { currentContext, describeTarget, podsOfWorkload } from './object-targets.ts';

/** Which Job to follow. */
interface JobRef {
  readonly namespace: string;
  readonly name: string;
}

export interface JobResult {
  readonly ok: boolean;
  readonly succeeded: number;
  readonly failed: number;
  readonly reason?: string;
}

/** Streams the logs of each pod of the Job once, as the pods appear. */
function streamLogs(connection: ClusterConnection, input: JobRef, channel: vscode.OutputChannel, stop: AbortSignal): { dispose(): void } {
  const started = new Set<string>();
  const follow = (): void => {
    for (const pod of podsOfWorkload(connection, 'Job', input.namespace, input.name)) {
      if (started.has(pod.meta.name) || pod.phase === 'Pending') continue;
      started.add(pod.meta.name);
      const ref = { kind: 'Pod', namespace: input.namespace, name: pod.meta.name };
      void connection.operations.logs(ref, { follow: true, timestamps: false, previous: false, signal: stop }, (line) => channel.appendLine(`[${pod.meta.name}] ${line}`));
    }
  };
  const subscription = connection.onDidChange(({ resource }) => resource === 'pods' && follow());
  follow();
  return subscription;
}

function followJob(connection: ClusterConnection, input: JobRef, progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken): Promise<JobResult> {
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

/** Follows an applied Job to its end, streaming its pods' logs into the task's output channel. */
async function watchJob(connection: ClusterConnection, job: JobRef, channels: Map<string, vscode.OutputChannel>): Promise<JobResult> {
  const name = `Task: ${job.namespace}/${job.name}`;
  let channel = channels.get(name);
  if (channel === undefined) channels.set(name, (channel = vscode.window.createOutputChannel(name)));
  channel.show(true);
  const stop = new AbortController();
  const logs = streamLogs(connection, job, channel, stop.signal);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Running ${job.namespace}/${job.name}`, cancellable: true },
    (progress, token) => followJob(connection, job, progress, token),
  );
  logs.dispose();
  stop.abort();
  channel.appendLine(result.ok ? `[kube-workbench] Complete: ${result.succeeded} succeeded` : `[kube-workbench] ${result.reason} (${result.failed} failed)`);
  if (result.ok) void vscode.window.showInformationMessage(`${job.namespace}/${job.name} completed: ${result.succeeded} succeeded.`);
  else void vscode.window.showErrorMessage(`${job.namespace}/${job.name} failed: ${result.reason}`);
  return result;
}

/** Applies a Job manifest and follows it; an API refusal is the result's reason. */
async function applyAndWatch(connection: ClusterConnection, manifest: Record<string, unknown>, channels: Map<string, vscode.OutputChannel>): Promise<JobResult> {
  const applied = await connection.operations.apply(manifest, { fieldManager: 'kube-workbench', force: false, dryRun: false });
  if (!applied.ok) {
    void vscode.window.showErrorMessage(applied.error.message);
    return { ok: false, succeeded: 0, failed: 0, reason: applied.error.message };
  }
  const metadata = manifest['metadata'] as JobRef;
  return watchJob(connection, { namespace: metadata.namespace, name: metadata.name }, channels);
}

async function runJob(clusters: ClusterServiceHolder, channels: Map<string, vscode.OutputChannel>, preset: JobAnswers): Promise<JobResult | undefined> {
  const current = currentContext(clusters, ' to run the task in');
  if (current === undefined) return undefined;
  const connection = clusters.get().connect(current.name);
  if (connection === undefined) return undefined;
  const input = await askJob(preset, namespaceChoices(connection, current.namespace));
  if (input === undefined) return undefined;
  return applyAndWatch(connection, jobManifest(input), channels);
}

/** Run CronJob now: a Job from the CronJob's live template (its row, or a palette pick), followed like any task. */
async function runCronJobNow(clusters: ClusterServiceHolder, channels: Map<string, vscode.OutputChannel>, argument: TargetArgument): Promise<JobResult | undefined> {
  const target = await resolveTarget(clusters, argument, ['CronJob'], 'Run which CronJob now?');
  if (target === undefined) return undefined;
  if (target.ref.kind !== 'CronJob') {
    void vscode.window.showErrorMessage(`${describeTarget(target)} is not a CronJob.`);
    return undefined;
  }
  const connection = clusters.get().connect(target.context);
  const live = await connection?.operations.get(target.ref);
  if (connection === undefined || live === undefined) return undefined;
  if (!live.ok) {
    void vscode.window.showErrorMessage(live.error.message);
    return { ok: false, succeeded: 0, failed: 0, reason: live.error.message };
  }
  return applyAndWatch(connection, jobFromCronJob(live.value as Record<string, unknown>, Date.now()), channels);
}

export function registerJobCommand(clusters: ClusterServiceHolder): vscode.Disposable {
  const channels = new Map<string, vscode.OutputChannel>();
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.runJob, (preset?: JobAnswers) => runJob(clusters, channels, preset ?? {})),
    vscode.commands.registerCommand(Commands.runCronJobNow, (argument?: TargetArgument) => runCronJobNow(clusters, channels, argument)),
    { dispose: () => channels.forEach((channel) => channel.dispose()) },
  );
}
