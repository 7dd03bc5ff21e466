// The documents Describe opens: the live object laid out as `kubectl describe` prints it, with its
// events, read again each time VS Code reopens one. Registered at activation (a restored tab needs its
// provider); the command that opens them is in describe-command.ts.
import * as vscode from 'vscode';
import type { ObjectRef } from '../../cluster/index.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { DESCRIBE_SCHEME } from '../ids.ts';
import { describeTarget, type Target } from './object-targets.ts';

/** kube-workbench-describe:/<context>/<kind>/<namespace or _>/<name>.describe?<JSON of the KindPath for custom kinds> */
export function describeUri(target: Target): vscode.Uri {
  const parts = [target.context, target.ref.kind, target.ref.namespace || '_', `${target.ref.name}.describe`].map(encodeURIComponent);
  return vscode.Uri.from({ scheme: DESCRIBE_SCHEME, path: `/${parts.join('/')}`, query: target.ref.path === undefined ? '' : JSON.stringify(target.ref.path) });
}

/** The object a Describe document shows. */
export function describedTarget(uri: vscode.Uri): Target {
  const [context = '', kind = '', namespace = '', file = ''] = uri.path.slice(1).split('/').map(decodeURIComponent);
  const ref: ObjectRef = { kind, namespace: namespace === '_' ? '' : namespace, name: file.replace(/\.describe$/, ''), ...(uri.query === '' ? {} : { path: JSON.parse(uri.query) }) };
  return { context, ref };
}

/** The text of a Describe document: the object as kubectl describes it, then its events. */
export async function describedText(clusters: ClusterServiceHolder, target: Target, signal?: AbortSignal): Promise<string> {
  const connection = clusters.get().connect(target.context);
  if (connection === undefined) return `Error: unknown context "${target.context}"\n`;
  const read = await connection.operations.get(target.ref, signal);
  if (!read.ok) return `Error: ${describeTarget(target)}: ${read.error.message}\n`;
  const { describeText, slimEvent } = loadCoreModule();
  const uid = (read.value as { metadata?: { uid?: unknown } } | null)?.metadata?.uid;
  const events = await connection.operations.events(target.ref, typeof uid === 'string' ? uid : '', signal);
  const shown = events.ok ? { events: events.value.map(slimEvent) } : { error: events.error.message };
  return describeText(read.value, Date.now(), shown);
}

/**
 * Serves the text the command has just read (so a Describe of an object whose document is still open
 * shows a new read, not the old one), or reads afresh when VS Code reopens a closed document.
 */
export class DescribeProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly clusters: ClusterServiceHolder;
  private readonly fresh = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(clusters: ClusterServiceHolder) {
    this.clusters = clusters;
  }

  provideTextDocumentContent(uri: vscode.Uri): Promise<string> | string {
    const text = this.fresh.get(uri.toString());
    this.fresh.delete(uri.toString());
    return text ?? describedText(this.clusters, describedTarget(uri));
  }

  /** The document at `uri` showing `text`, updated in place when it is open. */
  async show(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
    this.fresh.set(uri.toString(), text);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open === undefined) return vscode.workspace.openTextDocument(uri);
    if (open.getText() === text) {
      this.fresh.delete(uri.toString());
      return open;
    }
    const updated = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeTextDocument((change) => change.document === open && (subscription.dispose(), resolve()));
    });
    this.changed.fire(uri);
    await updated;
    return open;
  }

  dispose(): void {
    this.changed.dispose();
    this.fresh.clear();
  }
}

/** The Describe documents' provider, registered for their scheme. */
export function registerDescribeDocuments(clusters: ClusterServiceHolder): { provider: DescribeProvider; disposable: vscode.Disposable } {
  const provider = new DescribeProvider(clusters);
  return { provider, disposable: vscode.Disposable.from(provider, vscode.workspace.registerTextDocumentContentProvider(DESCRIBE_SCHEME, provider)) };
}
