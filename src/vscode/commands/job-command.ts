// Run task (and Run CronJob now): a Job from the multi-step answers (or a CronJob's template),
// applied server-side, followed from the cluster cache (active / succeeded / failed pods) while each
// of its pods' logs streams into the task's output channel; it ends with Complete or the failure
// reason (BackoffLimitExceeded, DeadlineExceeded).
import * as vscode from 'vscode';
import { jobFromCronJob } from '../../core/manifests/job-from-cronjob.ts';
import { jobManifest } from '../../core/manifests/job.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { ClusterConnection, ClusterError } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import type { CommandUi } from './command-ui.ts';
import { connectCurrent } from './current-connection.ts';
import { followUntil } from './follow-until.ts';
import { JOB_START, jobSteps } from './job-inputs.ts';
import { runSteps } from './multi-step-input.ts';
import { namespaceChoices, resolveTarget, type TargetArgument } from './object-picks.ts';
import { describeTarget, podsOfWorkload } from './object-targets.ts';
import { dismissed, failed, problem, type Action, type Outcome, type Problem } from './outcome.ts';
import { runCommand } from './run-command.ts';
import { stuckPod } from './stuck-pods.ts';

/** How long past its own deadline (or an hour, when it sets none) a Job is followed. */
const FOLLOW_GRACE_MS = 60_000;
const NO_DEADLINE_S = 3600;

export interface JobRun {
  /** namespace/name of the Job. */
  readonly job: string;
  readonly succeeded: number;
  readonly failed: number;
}

type Manifest = Record<string, unknown>;

interface JobRef {
  readonly namespace: string;
  readonly name: string;
}

/** Streams the logs of each pod of the Job once, as the pods appear, until `stop` aborts. */
function streamLogs(ui: CommandUi, connection: ClusterConnection, job: JobRef, channel: string, stop: AbortSignal): { dispose(): void } {
  const started = new Set<string>();
  const follow = (): void => {
    for (const pod of podsOfWorkload(connection, 'Job', job.namespace, job.name)) {
      if (started.has(pod.meta.name) || pod.phase === 'Pending') continue;
      started.add(pod.meta.name);
      const ref = { kind: 'Pod', namespace: job.namespace, name: pod.meta.name };
      void connection.operations.logs(ref, { follow: true, timestamps: false, previous: false, signal: stop }, (line) => ui.appendLine(channel, `[${pod.meta.name}] ${line}`));
    }
  };
  const subscription = connection.onDidChange(({ resource }) => resource === 'pods' && follow());
  follow();
  return subscription;
}

function judgeJob(connection: ClusterConnection, job: JobRef, report: (message: string) => void): Result<JobRun, Problem<JobRun>> | undefined {
  const live = connection.workloads.Job.get(job.namespace, job.name);
  if (live === undefined) return undefined;
  report(`active ${live.active} · succeeded ${live.ready}/${live.desired} · failed ${live.failed}`);
  const run = { job: `${job.namespace}/${job.name}`, succeeded: live.ready, failed: live.failed };
  if (live.done) return ok(run);
  if (live.failure !== '') return err(problem('failed', `${live.failure} (${live.failed} failed)`, run));
  // A pod that cannot start (unschedulable, image pull, missing volume) ends the wait, in its events' words.
  const stuck = stuckPod(connection, podsOfWorkload(connection, 'Job', job.namespace, job.name));
  return stuck === undefined ? undefined : err(problem('stuck', stuck.why, run));
}

/** Builds the Job (`build` may read the cluster), applies it and follows it to its end. */
function applyAndFollow(ui: CommandUi, connection: ClusterConnection, action: Action, deadlineSeconds: number, build: (signal: AbortSignal) => Promise<Result<Manifest, ClusterError>>): Promise<Outcome<JobRun>> {
  return runCommand<JobRun>(
    ui,
    action,
    async (signal, report) => {
      const manifest = await build(signal);
      if (!manifest.ok) return manifest;
      const applied = await connection.operations.apply(manifest.value, { force: false, dryRun: false });
      if (!applied.ok) return applied;
      const job = manifest.value['metadata'] as JobRef;
      const channel = `Task: ${job.namespace}/${job.name}`;
      ui.showChannel(channel);
      const logs = streamLogs(ui, connection, job, channel, signal);
      const end = await followUntil(connection, ['Job', 'pods', 'events'], () => judgeJob(connection, job, report), signal);
      logs.dispose();
      ui.appendLine(channel, `[kube-workbench] ${end === undefined ? 'stopped following; the Job goes on in the cluster' : end.ok ? `Complete: ${end.value.succeeded} succeeded` : end.error.reason}`);
      return end ?? err(problem('cancelled', 'stopped following'));
    },
    {
      timeoutMs: deadlineSeconds * 1000 + FOLLOW_GRACE_MS,
      leftBehind: 'the Job goes on in the cluster',
      success: (run) => `Job ${run.job} completed: ${run.succeeded} succeeded (context "${action.context}").`,
    },
  );
}

async function runJob(ui: CommandUi, clusters: ClusterServiceHolder): Promise<Outcome<JobRun>> {
  const where = connectCurrent<JobRun>(clusters, 'Run', 'a task', ' to run the task in');
  if ('ok' in where) return where;
  const { current, connection } = where;
  const input = await runSteps(ui, 'Run task', jobSteps(namespaceChoices(connection, current.namespace)), JOB_START);
  const action: Action = { context: current.name, verb: 'Run', object: input === undefined ? 'a task' : `Job ${input.namespace}/${input.name}` };
  if (input === undefined) return dismissed(action);
  return applyAndFollow(ui, connection, action, input.activeDeadlineSeconds ?? NO_DEADLINE_S, () => Promise.resolve(ok(jobManifest(input))));
}

/** Run CronJob now: a Job from the CronJob's live template (its row, or a palette pick), followed like any task. */
async function runCronJobNow(ui: CommandUi, clusters: ClusterServiceHolder, argument: TargetArgument): Promise<Outcome<JobRun>> {
  const target = await resolveTarget(clusters, argument, ['CronJob'], 'Run which CronJob now?');
  const action: Action = { context: target?.context ?? '', verb: 'Run a Job from', object: target === undefined ? 'a CronJob' : describeTarget(target) };
  if (target === undefined) return dismissed(action);
  const connection = clusters.get().connect(target.context);
  if (target.ref.kind !== 'CronJob' || connection === undefined) return failed(action, 'invalid', connection === undefined ? 'no such context in the kubeconfig' : 'it is not a CronJob');
  return applyAndFollow(ui, connection, action, NO_DEADLINE_S, async (signal) => {
    const live = await connection.operations.get(target.ref, signal);
    return live.ok ? ok(jobFromCronJob(live.value as Manifest, Date.now())) : live;
  });
}

export function registerJobCommand(clusters: ClusterServiceHolder, ui: CommandUi): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.runJob, () => runJob(ui, clusters)),
    vscode.commands.registerCommand(Commands.runCronJobNow, (argument?: TargetArgument) => runCronJobNow(ui, clusters, argument)),
  );
}
