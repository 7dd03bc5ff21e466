// Rows for namespaces, kinds and the workloads under Workloads.
import * as vscode from 'vscode';
import type { SlimWorkload, WorkloadKind } from '../../core/cluster/workload-model.ts';
import type { ElementOf } from './elements.ts';

const kindIcons: Record<WorkloadKind, string> = {
  Deployment: 'layers',
  StatefulSet: 'database',
  DaemonSet: 'server-process',
  Job: 'run',
  CronJob: 'watch',
  Service: 'plug',
  ConfigMap: 'settings',
};

const kindTitles: Record<WorkloadKind, string> = {
  Deployment: 'Deployments',
  StatefulSet: 'StatefulSets',
  DaemonSet: 'DaemonSets',
  Job: 'Jobs',
  CronJob: 'CronJobs',
  Service: 'Services',
  ConfigMap: 'ConfigMaps',
};

export function namespaceItem(element: ElementOf<'namespace'>, objects: number): vscode.TreeItem {
  const item = new vscode.TreeItem(element.namespace, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  item.description = `${objects} objects`;
  item.iconPath = new vscode.ThemeIcon('symbol-namespace');
  item.contextValue = 'kubeWorkbench.namespace';
  return item;
}

export function kindItem(element: ElementOf<'kind'>, count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(kindTitles[element.kind], vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  item.description = String(count);
  item.iconPath = new vscode.ThemeIcon(kindIcons[element.kind]);
  item.contextValue = `kubeWorkbench.kind.${element.kind}`;
  return item;
}

// "2/3 ready", "1/3 succeeded · 2 failed: BackoffLimitExceeded", a CronJob's schedule, ...
function workloadDescription(workload: SlimWorkload): { text: string; state: 'ok' | 'busy' | 'failed' | 'idle' } {
  switch (workload.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
      return { text: `${workload.ready}/${workload.desired} ready`, state: workload.ready >= workload.desired ? 'ok' : 'busy' };
    case 'Job': {
      const parts = [`${workload.ready}/${workload.desired} succeeded`];
      if (workload.active > 0) parts.push(`${workload.active} active`);
      if (workload.failed > 0) parts.push(`${workload.failed} failed`);
      if (workload.failure !== '') return { text: `${parts.join(' · ')}: ${workload.failure}`, state: 'failed' };
      return { text: parts.join(' · '), state: workload.done ? 'ok' : 'busy' };
    }
    case 'CronJob':
      return { text: `${workload.detail}${workload.done ? ' · suspended' : ''}${workload.active > 0 ? ` · ${workload.active} active` : ''}`, state: workload.done ? 'idle' : 'ok' };
    case 'Service':
    case 'ConfigMap':
      return { text: workload.detail, state: 'idle' };
  }
}

const stateColours = {
  ok: 'testing.iconPassed',
  busy: 'list.warningForeground',
  failed: 'testing.iconFailed',
  idle: 'foreground',
} as const;

export function workloadItem(element: ElementOf<'workload'>, workload: SlimWorkload | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.contextValue = `kubeWorkbench.workload.${element.kind}`;
  if (workload === undefined) {
    item.description = 'deleted';
    return item;
  }
  const { text, state } = workloadDescription(workload);
  item.description = text;
  item.iconPath = new vscode.ThemeIcon(kindIcons[element.kind], new vscode.ThemeColor(stateColours[state]));
  item.tooltip = `${element.kind} ${element.namespace}/${element.name}: ${text}`;
  return item;
}
