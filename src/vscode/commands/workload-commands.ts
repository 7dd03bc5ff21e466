// Scale, Restart and Delete, from a tree row's context menu or the palette. Scale asks for the count
// pre-filled with the current replicas; Delete asks for confirmation, always: no argument skips it.
// Each runs through runCommand (progress, Cancel, time-out, a message naming context, verb and object)
// and returns its Outcome.
import * as vscode from 'vscode';
import type { WorkloadKind } from '../../core/cluster/workload-model.ts';
import type { Result } from '../../core/result.ts';
import { countProblem } from '../../core/validation/inputs.ts';
import type { ClusterConnection, ClusterError } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import { QUICK_TIMEOUT_MS } from './cancellable-progress.ts';
import type { CommandUi } from './command-ui.ts';
import { runSteps } from './multi-step-input.ts';
import { ALL_KINDS, resolveTarget, type TargetArgument } from './object-picks.ts';
import { describeTarget, type Target } from './object-targets.ts';
import { dismissed, failed, type Action, type Outcome } from './outcome.ts';
import { runCommand } from './run-command.ts';
import { blockingIf, type TextStep } from './step-flow.ts';

const SCALABLE: readonly WorkloadKind[] = ['Deployment', 'StatefulSet'];
const RESTARTABLE: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet'];
/** What a background delete takes with it: the pods of these kinds. */
const POD_OWNERS: ReadonlySet<string> = new Set<WorkloadKind>(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

type Operations = ClusterConnection['operations'];

function actionOn(target: Target, verb: string): Action {
  return { context: target.context, verb, object: describeTarget(target) };
}

/** Sends one change to the target's context under runCommand. */
function change(ui: CommandUi, clusters: ClusterServiceHolder, target: Target, verb: string, success: string, send: (operations: Operations, signal: AbortSignal) => Promise<Result<unknown, ClusterError>>): Promise<Outcome<unknown>> {
  const action = actionOn(target, verb);
  const connection = clusters.get().connect(target.context);
  if (connection === undefined) return Promise.resolve(failed(action, 'kubeconfig', 'no such context in the kubeconfig'));
  return runCommand(ui, action, (signal) => send(connection.operations, signal), { timeoutMs: QUICK_TIMEOUT_MS, success: () => success });
}

/** The replicas a workload asks for now, from the cache: what Scale's box starts with. */
function currentReplicas(clusters: ClusterServiceHolder, target: Target): number | undefined {
  const kind = SCALABLE.find((scalable) => scalable === target.ref.kind);
  return kind === undefined ? undefined : clusters.get().connection(target.context)?.workloads[kind].get(target.ref.namespace, target.ref.name)?.desired;
}

async function scale(ui: CommandUi, clusters: ClusterServiceHolder, argument: TargetArgument): Promise<Outcome<unknown>> {
  const target = await resolveTarget(clusters, argument, SCALABLE, 'Scale which workload?');
  if (target === undefined) return dismissed({ context: '', verb: 'Scale', object: 'a workload' });
  const current = currentReplicas(clusters, target);
  const replicas: TextStep<number> = {
    type: 'text',
    name: 'replicas',
    prompt: () => `Number of replicas (0–10000)${current === undefined ? '' : `; ${current} now`}`,
    value: () => (current === undefined ? '' : String(current)),
    check: (text) => blockingIf(countProblem(text, 'replicas', { min: 0, max: 10_000 })),
    apply: (_, text) => Number(text),
  };
  const count = await runSteps(ui, `Scale ${describeTarget(target)}`, [replicas], current ?? 0);
  if (count === undefined) return dismissed(actionOn(target, 'Scale'));
  const success = `Scaled ${describeTarget(target)} to ${count} replicas in context "${target.context}".`;
  return change(ui, clusters, target, 'Scale', success, (operations, signal) => operations.scale(target.ref, count, signal));
}

async function restart(ui: CommandUi, clusters: ClusterServiceHolder, argument: TargetArgument): Promise<Outcome<unknown>> {
  const target = await resolveTarget(clusters, argument, RESTARTABLE, 'Restart which workload?');
  if (target === undefined) return dismissed({ context: '', verb: 'Restart', object: 'a workload' });
  const success = `Restarting ${describeTarget(target)} in context "${target.context}": its pods are replaced one by one.`;
  return change(ui, clusters, target, 'Restart', success, (operations, signal) => operations.restart(target.ref, new Date(), signal));
}

async function deleteObject(ui: CommandUi, clusters: ClusterServiceHolder, argument: TargetArgument): Promise<Outcome<unknown>> {
  const target = await resolveTarget(clusters, argument, ALL_KINDS, 'Delete which object?');
  if (target === undefined) return dismissed({ context: '', verb: 'Delete', object: 'an object' });
  const owns = POD_OWNERS.has(target.ref.kind) ? ' and everything it owns (its pods)' : '';
  const answer = await ui.ask({ message: `Delete ${describeTarget(target)}${owns} in context "${target.context}"?`, choices: ['Delete'], warning: true });
  if (answer !== 'Delete') return dismissed(actionOn(target, 'Delete'));
  return change(ui, clusters, target, 'Delete', `Deleted ${describeTarget(target)} in context "${target.context}".`, (operations, signal) => operations.delete(target.ref, signal));
}

export function registerWorkloadCommands(clusters: ClusterServiceHolder, ui: CommandUi): vscode.Disposable {
  // The only argument is what to act on: a tree row, or the palette's namespace and name.
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.scale, (argument?: TargetArgument) => scale(ui, clusters, argument)),
    vscode.commands.registerCommand(Commands.restart, (argument?: TargetArgument) => restart(ui, clusters, argument)),
    vscode.commands.registerCommand(Commands.deleteObject, (argument?: TargetArgument) => deleteObject(ui, clusters, argument)),
  );
}
