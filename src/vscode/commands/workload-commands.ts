// Scale, Restart and Delete, from a tree row's context menu or the palette. Each runs under a
// cancellable progress notification and reports its result in another; a failure names the context,
// verb and object (a 403 says who may not do what), and the command returns the outcome so tests can
// check it without reading notifications.
import * as vscode from 'vscode';
import type { WorkloadKind } from '../../core/cluster/workload-model.ts';
import type { Result } from '../../core/result.ts';
import type { ClusterConnection, ClusterError } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import { withCancellableProgress } from './cancellable-progress.ts';
import { ALL_KINDS, resolveTarget, type TargetArgument } from './object-picks.ts';
import { describeTarget, type Target } from './object-targets.ts';

const SCALABLE: readonly WorkloadKind[] = ['Deployment', 'StatefulSet'];
const RESTARTABLE: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet'];

type Outcome = Result<unknown, ClusterError> | undefined;

type Operations = ClusterConnection['operations'];

/**
 * Sends one change under a cancellable notification and reports its result. Cancel stops the
 * waiting; a change the server already received stays, and the message says so.
 */
async function change(
  clusters: ClusterServiceHolder,
  target: Target,
  title: string,
  success: string,
  send: (operations: Operations, signal: AbortSignal) => Promise<Result<unknown, ClusterError>>,
  cancel?: AbortSignal,
): Promise<Outcome> {
  const connection = clusters.get().connect(target.context);
  if (connection === undefined) throw new Error(`unknown context ${target.context}`);
  const outcome = await withCancellableProgress(title, (signal) => send(connection.operations, signal), cancel);
  if (outcome === undefined) void vscode.window.showWarningMessage(`${title}: cancelled. If the cluster already received the change, it stays.`);
  else if (outcome.ok) void vscode.window.showInformationMessage(success);
  else void vscode.window.showErrorMessage(outcome.error.message);
  return outcome;
}

export function registerWorkloadCommands(clusters: ClusterServiceHolder): vscode.Disposable {
  return vscode.Disposable.from(
    // `cancel`: tests press Cancel through it.
    vscode.commands.registerCommand(Commands.scale, async (argument?: TargetArgument, replicas?: number, cancel?: AbortSignal): Promise<Outcome> => {
      const target = await resolveTarget(clusters, argument, SCALABLE, 'Scale which workload?');
      if (target === undefined) return undefined;
      const answer =
        replicas ??
        (await vscode.window.showInputBox({
          title: `Scale ${describeTarget(target)}`,
          prompt: 'Number of replicas',
          validateInput: (text) => (/^\d+$/.test(text.trim()) && Number(text) <= 10_000 ? undefined : 'A whole number from 0 to 10000'),
        }));
      if (answer === undefined) return undefined;
      const count = Number(answer);
      return change(clusters, target, `Scaling ${describeTarget(target)} to ${count}`, `Scaled ${describeTarget(target)} to ${count} replicas.`, (operations, signal) => operations.scale(target.ref, count, signal), cancel);
    }),
    vscode.commands.registerCommand(Commands.restart, async (argument?: TargetArgument): Promise<Outcome> => {
      const target = await resolveTarget(clusters, argument, RESTARTABLE, 'Restart which workload?');
      if (target === undefined) return undefined;
      return change(clusters, target, `Restarting ${describeTarget(target)}`, `Restarting ${describeTarget(target)}: its pods are replaced one by one.`, (operations, signal) => operations.restart(target.ref, new Date(), signal));
    }),
    vscode.commands.registerCommand(Commands.deleteObject, async (argument?: TargetArgument, confirmed?: boolean): Promise<Outcome> => {
      const target = await resolveTarget(clusters, argument, ALL_KINDS, 'Delete which object?');
      if (target === undefined) return undefined;
      const owns = target.ref.kind === 'Pod' || target.ref.kind === 'Node' ? '' : ' and everything it owns (its pods)';
      const yes = 'Delete';
      const answer = confirmed === true ? yes : await vscode.window.showWarningMessage(`Delete ${describeTarget(target)}${owns} in context "${target.context}"?`, { modal: true }, yes);
      if (answer !== yes) return undefined;
      return change(clusters, target, `Deleting ${describeTarget(target)}`, `Deleted ${describeTarget(target)}.`, (operations, signal) => operations.delete(target.ref, signal));
    }),
  );
}
