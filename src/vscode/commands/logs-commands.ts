// Logs: "Show Logs" opens the last lines (with timestamps) of a pod, or of every pod of a workload
// (each line prefixed with its pod), as a read-only document; "Follow Logs" streams a pod's new lines
// into an output channel until the notification's Cancel stops it; "Show Previous Logs" opens the
// log of a pod's previous (crashed) container instance. From the palette, each asks for the pod.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands, LOGS_SCHEME } from '../ids.ts';
import { resolveTarget, type PickKind, type TargetArgument } from './object-picks.ts';
import { describeTarget, podsOfWorkload, type Target } from './object-targets.ts';

const TAIL_LINES = 1000;
/** Per pod when showing a whole workload, so a 50-replica Deployment stays readable. */
const WORKLOAD_TAIL_LINES = 200;
const LOG_KINDS: readonly PickKind[] = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job'];
/** The query of a log document that shows the container's previous (terminated) instance. */
const PREVIOUS = 'previous';

/** /<context>/<namespace>/<pod>.log (?previous), or /<context>/<namespace>/<kind>/<workload>.log for a workload. */
function logsUri(target: Target, previous: boolean): vscode.Uri {
  const kind = target.ref.kind === 'Pod' ? [] : [target.ref.kind];
  const path = `/${[target.context, target.ref.namespace, ...kind, `${target.ref.name}.log`].map(encodeURIComponent).join('/')}`;
  return vscode.Uri.from({ scheme: LOGS_SCHEME, path, query: previous ? PREVIOUS : '' });
}

class LogsProvider implements vscode.TextDocumentContentProvider {
  private readonly clusters: ClusterServiceHolder;

  constructor(clusters: ClusterServiceHolder) {
    this.clusters = clusters;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const parts = uri.path.slice(1).split('/').map(decodeURIComponent);
    const [context = '', namespace = ''] = parts;
    const kind = parts.length === 4 ? (parts[2] ?? '') : 'Pod';
    const target: Target = { context, ref: { kind, namespace, name: (parts.at(-1) ?? '').replace(/\.log$/, '') } };
    const connection = this.clusters.get().connect(context);
    if (connection === undefined) return `unknown context "${context}"\n`;
    const pods = kind === 'Pod' ? [target.ref.name] : podsOfWorkload(connection, kind, namespace, target.ref.name).map((pod) => pod.meta.name).sort();
    const previous = uri.query === PREVIOUS;
    const lines: string[] = [];
    for (const pod of pods) {
      const prefix = kind === 'Pod' ? '' : `[${pod}] `;
      const ref = { kind: 'Pod', namespace, name: pod };
      const tailLines = kind === 'Pod' ? TAIL_LINES : WORKLOAD_TAIL_LINES;
      const end = await connection.operations.logs(ref, { follow: false, timestamps: true, previous, tailLines }, (line) => lines.push(prefix + line));
      if (end.kind === 'error') lines.push(`${prefix}[kube-workbench] ${end.error.message}`);
    }
    // Said first, because the tab's title is the same as the running container's log.
    const header = previous ? `[kube-workbench] the previous, terminated instance of ${describeTarget(target)}'s container\n` : '';
    return header + (lines.length === 0 ? `[kube-workbench] ${describeTarget(target)} has written no log yet\n` : `${lines.join('\n')}\n`);
  }
}

/** The log document of a pod or workload (of its previous container instances when `previous`). */
async function showLogs(clusters: ClusterServiceHolder, argument: TargetArgument, previous: boolean): Promise<vscode.TextEditor | undefined> {
  const question = previous ? 'Show the previous container\'s logs of which pod?' : 'Show the logs of which pod or workload?';
  const target = await resolveTarget(clusters, argument, previous ? ['Pod'] : LOG_KINDS, question);
  if (target === undefined) return undefined;
  const document = await vscode.workspace.openTextDocument(logsUri(target, previous));
  await vscode.languages.setTextDocumentLanguage(document, 'log');
  return vscode.window.showTextDocument(document, { preview: true });
}

function follow(clusters: ClusterServiceHolder, target: Target, channels: Map<string, vscode.OutputChannel>): Thenable<void> {
  const name = `Logs: ${target.ref.namespace}/${target.ref.name}`;
  let channel = channels.get(name);
  if (channel === undefined) channels.set(name, (channel = vscode.window.createOutputChannel(name)));
  channel.show(true);
  const output = channel;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Following the logs of ${describeTarget(target)}`, cancellable: true },
    async (_progress, token) => {
      const stop = new AbortController();
      const subscription = token.onCancellationRequested(() => stop.abort());
      const operations = clusters.get().connect(target.context)?.operations;
      const end = await operations?.logs(target.ref, { follow: true, timestamps: true, previous: false, tailLines: 100, signal: stop.signal }, (line) => output.appendLine(line));
      subscription.dispose();
      if (end?.kind === 'error') void vscode.window.showErrorMessage(end.error.message);
      else output.appendLine(token.isCancellationRequested ? '[kube-workbench] stopped following' : '[kube-workbench] the log stream ended');
    },
  );
}

export function registerLogsCommands(clusters: ClusterServiceHolder): vscode.Disposable {
  const channels = new Map<string, vscode.OutputChannel>();
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, new LogsProvider(clusters)),
    vscode.commands.registerCommand(Commands.logs, (argument?: TargetArgument) => showLogs(clusters, argument, false)),
    vscode.commands.registerCommand(Commands.previousLogs, (argument?: TargetArgument) => showLogs(clusters, argument, true)),
    vscode.commands.registerCommand(Commands.followLogs, async (argument?: TargetArgument): Promise<void> => {
      const target = await resolveTarget(clusters, argument, ['Pod'], 'Follow the logs of which pod?');
      if (target !== undefined) await follow(clusters, target, channels);
    }),
    { dispose: () => channels.forEach((channel) => channel.dispose()) },
  );
}
