// Badges for node rows that need a look: a node row carries a resourceUri naming its context and
// node, and this provider gives that URI a badge, a coloured label and a tooltip by the node's
// standing ("?" Unknown, "!" NotReady, "P" pressure, "C" cordoned); Ready nodes get none.
import * as vscode from 'vscode';
import type { NodeStanding } from '../../core/cluster/node-summary.ts';

export const NODE_SCHEME = 'kube-workbench-node';

/** The URI of a node row: the context and node name as path segments, each encoded (a context name may hold "/"). */
export function nodeUri(context: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: NODE_SCHEME, path: `/${encodeURIComponent(context)}/${encodeURIComponent(name)}` });
}

const decorations: Readonly<Record<Exclude<NodeStanding, 'Ready'>, vscode.FileDecoration>> = {
  Unknown: new vscode.FileDecoration('?', 'Unknown: no heartbeat within the grace period', new vscode.ThemeColor('list.errorForeground')),
  NotReady: new vscode.FileDecoration('!', 'NotReady', new vscode.ThemeColor('list.errorForeground')),
  Pressure: new vscode.FileDecoration('P', 'under pressure', new vscode.ThemeColor('list.warningForeground')),
  Cordoned: new vscode.FileDecoration('C', 'cordoned', new vscode.ThemeColor('list.warningForeground')),
};

export class NodeDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly standing: (context: string, name: string) => NodeStanding | undefined;

  /** `standing` answers from what is already judged, never connecting. */
  constructor(standing: (context: string, name: string) => NodeStanding | undefined) {
    this.standing = standing;
  }

  /** The nodes whose standing changed: their badges are asked for again. */
  update(context: string, names: readonly string[]): void {
    this.changed.fire(names.map((name) => nodeUri(context, name)));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== NODE_SCHEME) return undefined;
    const [context, name] = uri.path.slice(1).split('/').map(decodeURIComponent);
    const standing = context === undefined || name === undefined ? undefined : this.standing(context, name);
    return standing === undefined || standing === 'Ready' ? undefined : decorations[standing];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
