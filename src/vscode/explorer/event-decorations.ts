// Warning badges: a pod, workload or listed-object row carries a resourceUri naming its object, and
// this provider gives it the count of its Warning events of the last hour and the warning colour;
// node rows keep their standing URI (node-decorations.ts) and get the same badge beside the standing's.
// The event cache coalesces its changes (≤ 4 a second), so redrawing every badge on each is cheap.
import * as vscode from 'vscode';
import { NODE_SCHEME } from './node-decorations.ts';
import type { EventSubject } from './object-warnings.ts';

const OBJECT_SCHEME = 'kube-workbench-object';

/** The URI of an object row: context, kind, namespace ('_' for none) and name as path segments, each encoded. */
export function objectUri(context: string, subject: EventSubject): vscode.Uri {
  const parts = [context, subject.kind, subject.namespace || '_', subject.name].map(encodeURIComponent);
  return vscode.Uri.from({ scheme: OBJECT_SCHEME, path: `/${parts.join('/')}` });
}

function subjectOf(uri: vscode.Uri): { context: string; subject: EventSubject } | undefined {
  const parts = uri.path.slice(1).split('/').map(decodeURIComponent);
  if (uri.scheme === NODE_SCHEME && parts.length === 2) return { context: parts[0] as string, subject: { kind: 'Node', namespace: '', name: parts[1] as string } };
  if (uri.scheme !== OBJECT_SCHEME || parts.length !== 4) return undefined;
  const [context, kind, namespace, name] = parts as [string, string, string, string];
  return { context, subject: { kind, namespace: namespace === '_' ? '' : namespace, name } };
}

const colour = new vscode.ThemeColor('list.warningForeground');

export class EventDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly warnings: (context: string, subject: EventSubject) => number;

  /** `warnings` counts from a context already watched, never connecting. */
  constructor(warnings: (context: string, subject: EventSubject) => number) {
    this.warnings = warnings;
  }

  /** Events changed: every badge is asked for again (a pod's warning also changes its workload's). */
  update(): void {
    this.changed.fire(undefined);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const target = subjectOf(uri);
    const count = target === undefined ? 0 : this.warnings(target.context, target.subject);
    if (count === 0) return undefined;
    return new vscode.FileDecoration(count > 9 ? '9+' : String(count), `${count} warning event${count === 1 ? '' : 's'} in the last hour`, colour);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
