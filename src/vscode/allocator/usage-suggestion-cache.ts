// The request suggestions of each context, computed once per usage change rather than on every lint
// (thousands of workload containers would otherwise be formatted on each save), with an event when
// what the linter would print changed.
import * as vscode from 'vscode';
import type { RequestSuggestion } from '../../core/editor-core.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { usageSuggestions } from './usage-suggestions.ts';

export class UsageSuggestionCache implements vscode.Disposable {
  private readonly clusters: ClusterServiceHolder;
  private readonly byContext = new Map<string, { readonly list: RequestSuggestion[]; readonly text: string }>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the current context when its suggestions now read differently (most samples leave them as they were). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(clusters: ClusterServiceHolder) {
    this.clusters = clusters;
    this.subscriptions.push(clusters.onDidCreate(() => this.subscriptions.push(clusters.peek()?.usage?.onDidChange((context) => this.refresh(context)) ?? { dispose: () => undefined })));
  }

  /** The context's suggestions; [] until it is connected and has usage. */
  suggestions(context: string): readonly RequestSuggestion[] {
    return (this.byContext.get(context) ?? this.compute(context)).list;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  /** Only the current context's are linted against: the others are recomputed when asked for. */
  private refresh(context: string): void {
    const config = this.clusters.peek()?.config;
    if (config?.ok !== true || context !== config.value.currentContext) {
      this.byContext.delete(context);
      return;
    }
    const before = this.byContext.get(context)?.text;
    if (this.compute(context).text !== before) this.changed.fire(context);
  }

  private compute(context: string): { list: RequestSuggestion[]; text: string } {
    const service = this.clusters.peek();
    const config = service?.config;
    const connection = service?.connection(context);
    const usage = service?.usage?.usage(context) ?? [];
    const list = connection === undefined || !config?.ok ? [] : usageSuggestions(connection, usage, config.value.contexts.find((summary) => summary.name === context)?.namespace || 'default', service?.usage?.autoscalersNow(context));
    const entry = { list, text: JSON.stringify(list) };
    this.byContext.set(context, entry);
    return entry;
  }
}
