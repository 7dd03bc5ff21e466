// Reveal a workload named by context, namespace, kind and name (a right-sizing report row) in the
// Explorer: context → Workloads → namespace → kind → the workload, selected. The provider answers no
// getParent, so each level is revealed and expanded in turn, top down: VS Code then knows every row's
// parent from the children it fetched, and reveal needs no more.
import * as vscode from 'vscode';
import type { WorkloadKind } from '../../core/cluster/workload-model.ts';
import { Commands } from '../ids.ts';
import type { Element } from './elements.ts';
import { matchesFilter } from './filter.ts';
import type { Explorer } from './register.ts';
import { contextElement } from './rows/context-row.ts';
import { isWorkloadKind, kindElement } from './rows/kind-row.ts';
import { namespaceElement } from './rows/namespace-row.ts';
import { workloadElement, workloadId } from './rows/workload-row.ts';
import { workloadsElement } from './rows/workloads-row.ts';

export interface WorkloadTarget {
  readonly context: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
}

function isTarget(value: unknown): value is WorkloadTarget {
  const target = value as Partial<Record<keyof WorkloadTarget, unknown>> | undefined;
  return typeof target === 'object' && target !== null && [target.context, target.namespace, target.kind, target.name].every((field) => typeof field === 'string' && field !== '');
}

/** Why the workload has no row to reveal, or undefined when it has one. */
function missingRow(explorer: Explorer, target: WorkloadTarget): string | undefined {
  const label = `${target.kind} ${target.namespace}/${target.name}`;
  const config = explorer.provider.service().config;
  if (!config.ok || !config.value.contexts.some((context) => context.name === target.context)) return `${label}: context ${target.context} is not in the kubeconfig.`;
  if (!isWorkloadKind(target.kind)) return `${label}: the Explorer does not list ${target.kind} objects.`;
  const workload = explorer.provider.connection(target.context).workloads[target.kind].get(target.namespace, target.name);
  if (workload === undefined) return `${label} is not in context ${target.context} (any more).`;
  const filter = explorer.provider.filter;
  if (!matchesFilter(filter, workload.meta)) return `${label} is hidden by the Explorer's filter "${filter}": clear it to see the workload.`;
  const id = workloadId(target.context, target.namespace, target.kind, target.name);
  const kindRows = explorer.provider.getChildren(explorer.provider.element(kindElement(target.context, target.namespace, target.kind)));
  if (!kindRows.some((row) => row.id === id)) return `${label} is past the rows the Explorer shows of ${target.namespace}: filter the Explorer by its name to reach it.`;
  return undefined;
}

/** Resolves once the workload's row is revealed and selected; false (with a message) when it has none. */
export async function revealWorkload(explorer: Explorer, target: WorkloadTarget): Promise<boolean> {
  const missing = missingRow(explorer, target);
  if (missing !== undefined) {
    void vscode.window.showWarningMessage(missing);
    return false;
  }
  const { provider, view } = explorer;
  const { context, namespace, name } = target;
  const kind = target.kind as WorkloadKind;
  // provider.element(): the one object VS Code already holds for each row's id.
  const path: Element[] = [contextElement(context), workloadsElement(context), namespaceElement(context, namespace), kindElement(context, namespace, kind)].map((element) => provider.element(element));
  for (const ancestor of path) await view.reveal(ancestor, { select: false, focus: false, expand: true });
  // Focus stays where the user clicked (the report); the selection shows the row.
  await view.reveal(provider.element(workloadElement(context, namespace, kind, name)), { select: true, focus: false });
  return true;
}

/** `kubeWorkbench.revealWorkload` with a WorkloadTarget; not in the palette (it needs one). */
export function registerRevealWorkload(explorer: Explorer): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.revealWorkload, (target?: unknown) => (isTarget(target) ? revealWorkload(explorer, target) : Promise.resolve(false)));
}
