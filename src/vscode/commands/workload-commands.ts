// Scale, Restart and Delete, from a tree row's context menu or the palette. Each reports its result
// in a notification; a failure names the context, verb and object (a 403 says who may not do what),
// and the command returns the outcome so tests can check it without reading notifications.
import * as vscode from 'vscode';
import type { WorkloadKind } from '../../core/cluster/workload-model.ts';
import type { Result } from '../../core/result.ts';
import type { ClusterError } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import { ALL_KINDS, resolveTarget, type TargetArgument } from './object-picks.ts';
import { describeTarget, type Target } from './object-targets.ts';

const SCALABLE: readonly WorkloadKind[] = ['Deployment', 'StatefulSet'];
const RESTARTABLE: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet'];

type Outcome = Result<unknown, ClusterError> | undefined;

function report(outcome: Result<unknown, ClusterError>, success: string): Result<unknown, ClusterError> {
  if (outcome.ok) void vscode.window.showInformationMessage(success);
  else void vscode.window.showErrorMessage(outcome.error.message);
  return outcome;
}

function operations(clusters: ClusterServiceHolder, target: Target) {
  const connection = clusters.get().connect(target.context);
  if (connection === undefined) throw new Error(`unknown context ${target.context}`);
  return connection.operations;
}

export function registerWorkloadCommands(clusters: ClusterServiceHolder): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.scale, async (argument?: TargetArgument, replicas?: number): Promise<Outcome> => {
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
      return report(await operations(clusters, target).scale(target.ref, count), `Scaled ${describeTarget(target)} to ${count} replicas.`);
    }),
    vscode.commands.registerCommand(Commands.restart, async (argument?: TargetArgument): Promise<Outcome> => {
      const target = await resolveTarget(clusters, argument, RESTARTABLE, 'Restart which workload?');
      if (target === undefined) return undefined;
      return report(await operations(clusters, target).restart(target.ref, new Date()), `Restarting ${describeTarget(target)}: its pods are replaced one by one.`);
    }),
    vscode.commands.registerCommand(Commands.deleteObject, async (argument?: TargetArgument, confirmed?: boolean): Promise<Outcome> => {
      const target = await resolveTarget(clusters, argument, ALL_KINDS, 'Delete which object?');
      if (target === undefined) return undefined;
      const owns = target.ref.kind === 'Pod' || target.ref.kind === 'Node' ? '' : ' and everything it owns (its pods)';
      const yes = 'Delete';
      const answer = confirmed === true ? yes : await vscode.window.showWarningMessage(`Delete ${describeTarget(target)}${owns} in context "${target.context}"?`, { modal: true }, yes);
      if (answer !== yes) return undefined;
      return report(await operations(clusters, target).delete(target.ref), `Deleted ${describeTarget(target)}.`);
    }),
  );
}
