// One kind in a namespace ("Deployments 3"): its objects by name.
import * as vscode from 'vscode';
import type { WorkloadKind } from '../../../core/cluster/workload-model.ts';
import { matchesFilter } from '../filter.ts';
import { byName } from '../node-standings.ts';
import type { Row } from './row.ts';
import { kindIcons, workloadElement } from './workload-row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    kind: { namespace: string; kind: WorkloadKind };
  }
}

/** The kinds under a namespace, in this order. */
export const WORKLOAD_KINDS: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'ConfigMap'];

export const isWorkloadKind = (resource: string): resource is WorkloadKind => (WORKLOAD_KINDS as readonly string[]).includes(resource);

/** The kinds an HPA may scale (a ReplicaSet too, which the Explorer does not list). */
const SCALED: ReadonlySet<WorkloadKind> = new Set<WorkloadKind>(['Deployment', 'StatefulSet']);

export const kindId = (context: string, namespace: string, kind: WorkloadKind): string => `kind:${context}:${namespace}:${kind}`;

export const kindElement = (context: string, namespace: string, kind: WorkloadKind) => ({ type: 'kind', id: kindId(context, namespace, kind), context, namespace, kind }) as const;

const kindTitles: Readonly<Record<WorkloadKind, string>> = {
  Deployment: 'Deployments',
  StatefulSet: 'StatefulSets',
  DaemonSet: 'DaemonSets',
  Job: 'Jobs',
  CronJob: 'CronJobs',
  Service: 'Services',
  ConfigMap: 'ConfigMaps',
};

export const kindRow: Row<'kind'> = {
  children(element, tree) {
    // Their rows show the HPAs that scale them.
    if (SCALED.has(element.kind)) tree.connection(element.context).demand('HorizontalPodAutoscaler');
    const workloads = tree
      .connection(element.context)
      .workloads[element.kind].byIndex('namespace', element.namespace)
      .filter((workload) => matchesFilter(tree.filter, workload.meta))
      .sort((a, b) => byName(a.meta.name, b.meta.name));
    return tree.page(element, workloads, (workload) => tree.element(workloadElement(element.context, element.namespace, element.kind, workload.meta.name)));
  },
  item(element, tree) {
    const item = new vscode.TreeItem(kindTitles[element.kind], vscode.TreeItemCollapsibleState.Collapsed);
    item.description = String(tree.connection(element.context).workloads[element.kind].countByIndex('namespace', element.namespace));
    item.iconPath = new vscode.ThemeIcon(kindIcons[element.kind]);
    return item;
  },
  contextValue: (element) => `kubeWorkbench.kind.${element.kind}`,
  refreshOn(change, context) {
    return change.type === 'state' || change.type === 'relisted' || !isWorkloadKind(change.resource) ? [] : [kindId(context, change.item.meta.namespace, change.resource)];
  },
};
