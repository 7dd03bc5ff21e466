// Rows for nodes and the pods (tasks) on them.
import * as vscode from 'vscode';
import { formatAge } from '../../core/cluster/health.ts';
import { nodeDescription, type NodeSummary } from '../../core/cluster/node-summary.ts';
import type { SlimPod } from '../../core/cluster/pod-model.ts';
import type { ElementOf } from './elements.ts';

const GIB = 2 ** 30;

const healthIcons = {
  Ready: new vscode.ThemeIcon('server', new vscode.ThemeColor('testing.iconPassed')),
  NotReady: new vscode.ThemeIcon('server', new vscode.ThemeColor('testing.iconFailed')),
  Unknown: new vscode.ThemeIcon('server', new vscode.ThemeColor('list.warningForeground')),
};

export function nodeItem(element: ElementOf<'node'>, summary: NodeSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  item.description = nodeDescription(summary);
  item.iconPath = healthIcons[summary.health.health];
  item.contextValue = 'kubeWorkbench.node';
  const { health } = summary;
  const heartbeat =
    health.heartbeatAgeSeconds === undefined
      ? 'no heartbeat recorded'
      : `last heartbeat ${formatAge(health.heartbeatAgeSeconds)} (${health.heartbeatSource === 'lease' ? 'node Lease' : 'Ready condition'})${health.late ? ', lease expired' : ''}`;
  const lines = [
    `**${element.name}**: ${health.health}: ${health.reason}`,
    heartbeat + (health.clockSkewSeconds > 0 ? `; heartbeat ${health.clockSkewSeconds} s in the future (clock skew)` : ''),
    `pods ${summary.pods}/${summary.podCapacity}`,
    `cpu requested ${summary.requestedCpu.toFixed(2)} cores (${Math.round(summary.cpuFraction * 100)}%)`,
    `memory requested ${(summary.requestedMemoryBytes / GIB).toFixed(1)} GiB (${Math.round(summary.memoryFraction * 100)}%)`,
  ];
  if (health.taints.length > 0) lines.push(`taints: ${health.taints.join(', ')}`);
  if (health.unschedulable) lines.push('cordoned (unschedulable)');
  item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
  return item;
}

function podIcon(pod: SlimPod): vscode.ThemeIcon {
  if (pod.phase === 'Failed' || /BackOff|Err|Evicted|OOMKilled/.test(pod.reason)) {
    return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
  }
  if (pod.phase === 'Succeeded') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('disabledForeground'));
  if (pod.phase === 'Running' && pod.readyContainers === pod.containers) {
    return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  }
  return new vscode.ThemeIcon('clock', new vscode.ThemeColor('list.warningForeground'));
}

export function podItem(element: ElementOf<'pod'>, pod: SlimPod | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.contextValue = 'kubeWorkbench.pod';
  if (pod === undefined) {
    item.description = 'deleted';
    return item;
  }
  const status = pod.reason || pod.phase;
  item.description = [
    element.namespace,
    status,
    `${pod.readyContainers}/${pod.containers} ready`,
    ...(pod.restarts > 0 ? [`${pod.restarts} restarts`] : []),
  ].join(' · ');
  item.iconPath = podIcon(pod);
  const owner = pod.meta.owner === undefined ? 'no owner' : `owned by ${pod.meta.owner.kind} ${pod.meta.owner.name}`;
  item.tooltip = new vscode.MarkdownString(
    [`**${element.namespace}/${element.name}**: ${status}`, owner, `requests cpu ${pod.requestCpu} cores, memory ${(pod.requestMemoryBytes / GIB).toFixed(2)} GiB`].join('\n\n'),
  );
  return item;
}
