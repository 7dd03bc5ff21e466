// Logs: "Show Logs" opens the last lines (with timestamps) of a pod, or of every pod of a workload
// (each line prefixed with its pod), as a read-only document; "Follow Logs" streams a pod's new lines
// into an output channel until the notification's Cancel stops it.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { Element } from '../explorer/elements.ts';
import { Commands, LOGS_SCHEME } from '../ids.ts';
import { describeTarget, podsOfWorkload, targetOf, type Target } from './object-targets.ts';

const TAIL_LINES = 1000;
/** Per pod when showing a whole workload, so a 50-replica Deployment stays readable. */
const WORKLOAD_TAIL_LINES = 200;
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

function logTarget(element: Element | undefined, clusters: ClusterServiceHolder, workloads: boolean): Target | undefined {
  const target = element === undefined ? undefined : targetOf(element, clusters);
  if (target?.ref.kind === 'Pod' || (workloads && WORKLOAD_KINDS.has(target?.ref.kind ?? ''))) return target;
  void vscode.window.showErrorMessage(`Pick a pod${workloads ? ' or a workload' : ''} in the Kubernetes Explorer to see its logs.`);
  return undefined;
}


/** /<context>/<namespace>/<pod>.log, or /<context>/<namespace>/<kind>/<workload>.log for a workload. */
function logsUri(target: Target): vscode.Uri {
  const kind = target.ref.kind === 'Pod' ? [] : [target.ref.kind];
  return vscode.Uri.from({ scheme: LOGS_SCHEME, path: `/${[target.context, target.ref.namespace, ...kind, `${target.ref.name}.log`].map(encodeURIComponent).join('/')}` });
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
    const lines: string[] = [];
    for (const pod of pods) {
      const prefix = kind === 'Pod' ? '' : `[${pod}] `;
      const ref = { kind: 'Pod', namespace, name: pod };
      const tailLines = kind === 'Pod' ? TAIL_LINES : WORKLOAD_TAIL_LINES;
      const end = await connection.operations.logs(ref, { follow: false, timestamps: true, previous: false, tailLines }, (line) => lines.push(prefix + line));
      if (end.kind === 'error') lines.push(`${prefix}[kube-workbench] ${end.error.message}`);
    }
    return lines.length === 0 ? `[kube-workbench] ${describeTarget(target)} has written no log yet\n` : `${lines.join('\n')}\n`;
  }
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
    vscode.commands.registerCommand(Commands.logs, async (element?: Element): Promise<vscode.TextEditor | undefined> => {
      const target = logTarget(element, clusters, true);
      if (target === undefined) return undefined;
      const document = await vscode.workspace.openTextDocument(logsUri(target));
      await vscode.languages.setTextDocumentLanguage(document, 'log');
      return vscode.window.showTextDocument(document, { preview: true });
    }),
    vscode.commands.registerCommand(Commands.followLogs, async (element?: Element): Promise<void> => {
      const target = logTarget(element, clusters, false);
      if (target !== undefined) await follow(clusters, target, channels);
    }),
    { dispose: () => channels.forEach((channel) => channel.dispose()) },
  );
}
