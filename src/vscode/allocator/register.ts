// The allocator in the editor: the resources hover, the right-sizing report, and a re-lint of the open
// manifests when new usage changes what the suggestions say.
import * as vscode from 'vscode';
import { loadLintModule, type ClusterService } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { ResourcesHover } from './resources-hover.ts';
import { registerRightSizingReport } from './right-sizing-report.ts';

/** The suggestions of a context as the linter would print them: equal text, equal findings. */
function suggestionText(service: ClusterService, context: string): string {
  const { estimateQuantities } = loadLintModule();
  return (service.usage?.usage(context) ?? [])
    .map(({ namespace, workload, container, recommendation }) => {
      if (recommendation === undefined) return '';
      const { target, lowerBound, upperBound } = recommendation;
      return [namespace, workload, container, ...[target, lowerBound, upperBound].flatMap((estimate) => Object.values(estimateQuantities(estimate)))].join(' ');
    })
    .join('\n');
}

export function registerAllocator(clusters: ClusterServiceHolder, controller: LintController, relint: () => void): vscode.Disposable {
  let usageListener: vscode.Disposable | undefined;
  let shown = '';
  // Samples arrive every minute; most leave the rounded suggestions as they were, and a re-lint then
  // would only redo the same work (and race with the user's own saves).
  const onUsage = (context: string): void => {
    const service = clusters.peek();
    const config = service?.config;
    if (service === undefined || !config?.ok || context !== config.value.currentContext) return;
    const text = suggestionText(service, context);
    if (text === shown) return;
    shown = text;
    relint();
  };
  const listen = (): void => {
    usageListener?.dispose();
    usageListener = clusters.peek()?.usage?.onDidChange(onUsage);
  };
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider({ language: 'yaml' }, new ResourcesHover(controller, clusters)),
    registerRightSizingReport(clusters),
    clusters.onDidCreate(listen),
    { dispose: () => usageListener?.dispose() },
  );
}
