// Logs: "Show Logs" opens the last lines (with timestamps) of a pod, or of every pod of a workload
// (each line prefixed with its pod), as a read-only document scrolled to its newest line; "Follow
// Logs" streams a pod's new lines into an output channel until stopped (log-follows.ts); "Show
// Previous Logs" opens the log of a pod's previous (crashed) container instance. From the palette,
// each asks for the pod.
import * as vscode from 'vscode';
import { ok } from '../../core/result.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import { QUICK_TIMEOUT_MS } from './cancellable-progress.ts';
import type { CommandUi } from './command-ui.ts';
import { LogFollows, type Followed } from './log-follows.ts';
import { resolveTarget, type PickKind, type TargetArgument } from './object-picks.ts';
import { logsUri } from './log-documents.ts';
import { describeTarget } from './object-targets.ts';
import { dismissed, passOn, type Action, type Outcome } from './outcome.ts';
import { runCommand } from './run-command.ts';

const LOG_KINDS: readonly PickKind[] = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job'];

/** The log document of a pod or workload (of its previous container instances when `previous`), at its newest line. */
async function showLogs(ui: CommandUi, clusters: ClusterServiceHolder, argument: TargetArgument, previous: boolean): Promise<Outcome<vscode.TextEditor>> {
  const question = previous ? 'Show the previous container\'s logs of which pod?' : 'Show the logs of which pod or workload?';
  const target = await resolveTarget(clusters, argument, previous ? ['Pod'] : LOG_KINDS, question);
  const action: Action = { context: target?.context ?? '', verb: previous ? 'Show the previous logs of' : 'Show the logs of', object: target === undefined ? 'a pod' : describeTarget(target) };
  if (target === undefined) return dismissed(action);
  // The provider reads the log while the document opens; Cancel leaves that read to finish unseen.
  const opened = await runCommand(ui, action, async () => ok(await vscode.workspace.openTextDocument(logsUri(target, previous))), {
    timeoutMs: QUICK_TIMEOUT_MS,
    success: () => `Opened the log of ${action.object}.`,
    quiet: ['done'],
  });
  if (!opened.ok) return passOn(opened);
  const document = await vscode.languages.setTextDocumentLanguage(opened.value, 'log');
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  const end = document.lineAt(document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { ...opened, value: editor };
}

export function registerLogsCommands(clusters: ClusterServiceHolder, ui: CommandUi): vscode.Disposable {
  const follows = new LogFollows(ui, clusters);
  return vscode.Disposable.from(
    follows,
    vscode.commands.registerCommand(Commands.logs, (argument?: TargetArgument) => showLogs(ui, clusters, argument, false)),
    vscode.commands.registerCommand(Commands.previousLogs, (argument?: TargetArgument) => showLogs(ui, clusters, argument, true)),
    vscode.commands.registerCommand(Commands.followLogs, async (argument?: TargetArgument): Promise<Outcome<Followed>> => {
      const target = await resolveTarget(clusters, argument, ['Pod'], 'Follow the logs of which pod?');
      return target === undefined ? dismissed({ context: '', verb: 'Follow the logs of', object: 'a pod' }) : follows.follow(target);
    }),
    // From the status bar or the palette: the followed logs it stopped, once their streams ended.
    vscode.commands.registerCommand(Commands.stopFollowingLogs, () => follows.stop()),
  );
}
