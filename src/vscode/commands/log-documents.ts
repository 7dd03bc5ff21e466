// The read-only log documents Show Logs opens: a pod's last lines (with timestamps), or every pod's of a
// workload (each line prefixed with its pod), read when VS Code opens (or reopens) one. Registered at
// activation (a restored tab needs its provider); the commands are in logs-commands.ts.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { LOGS_SCHEME } from '../ids.ts';
import { describeTarget, podsOfWorkload, type Target } from './object-targets.ts';

const TAIL_LINES = 1000;
/** Per pod when showing a whole workload, so a 50-replica Deployment stays readable. */
const WORKLOAD_TAIL_LINES = 200;
/** The query of a log document that shows the container's previous (terminated) instance. */
const PREVIOUS = 'previous';

/** /<context>/<namespace>/<pod>.log (?previous), or /<context>/<namespace>/<kind>/<workload>.log for a workload. */
export function logsUri(target: Target, previous: boolean): vscode.Uri {
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

export function registerLogDocuments(clusters: ClusterServiceHolder): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, new LogsProvider(clusters));
}
