// A node: its state word first ("Unknown · 75 s ago · 12 pods"), an icon and a badge coloured by
// standing, the details in the tooltip; under it the pods (tasks) it runs.
import * as vscode from 'vscode';
import { formatAge } from '../../../core/cluster/health.ts';
import { nodeDescription, nodeStanding, summarizeNode, type NodeStanding, type NodeSummary } from '../../../core/cluster/node-summary.ts';
import { matchesFilter } from '../filter.ts';
import { nodeUri } from '../node-decorations.ts';
import { byName, nodeLease } from '../node-standings.ts';
import { subjectWarnings, warningNote } from '../object-warnings.ts';
import { eventsChild } from './events-row.ts';
import { podElement } from './pod-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    node: { name: string };
  }
}

export const nodeId = (context: string, name: string): string => `node:${context}:${name}`;

export const nodeElement = (context: string, name: string) => ({ type: 'node', id: nodeId(context, name), context, name }) as const;

const GIB = 2 ** 30;

const error = new vscode.ThemeColor('errorForeground');
const warning = new vscode.ThemeColor('list.warningForeground');
const standingIcons: Readonly<Record<NodeStanding, vscode.ThemeIcon>> = {
  Unknown: new vscode.ThemeIcon('debug-disconnect', error),
  NotReady: new vscode.ThemeIcon('error', error),
  Pressure: new vscode.ThemeIcon('warning', warning),
  Cordoned: new vscode.ThemeIcon('circle-slash', warning),
  Ready: new vscode.ThemeIcon('server', new vscode.ThemeColor('testing.iconPassed')),
};

function tooltip(name: string, summary: NodeSummary): vscode.MarkdownString {
  const { health } = summary;
  const heartbeat =
    health.heartbeatSource === 'pending'
      ? 'heartbeat: the node Leases are still loading'
      : health.heartbeatAgeSeconds === undefined
        ? 'no heartbeat recorded'
      : `last heartbeat ${formatAge(health.heartbeatAgeSeconds)} (${health.heartbeatSource === 'lease' ? 'node Lease' : 'Ready condition'})${health.late ? ', lease expired' : ''}`;
  const lines = [
    `**${name}**: ${health.health}: ${health.reason}`,
    heartbeat + (health.clockSkewSeconds > 0 ? `; heartbeat ${health.clockSkewSeconds} s in the future (clock skew)` : ''),
    `pods ${summary.pods}/${summary.podCapacity}`,
    `cpu requested ${summary.requestedCpu.toFixed(2)} cores (${Math.round(summary.cpuFraction * 100)}%)`,
    `memory requested ${(summary.requestedMemoryBytes / GIB).toFixed(1)} GiB (${Math.round(summary.memoryFraction * 100)}%)`,
  ];
  if (health.pressures.length > 0) lines.push(`pressure: ${health.pressures.join(', ')}`);
  if (health.taints.length > 0) lines.push(`taints: ${health.taints.join(', ')}`);
  if (health.unschedulable) lines.push('cordoned (unschedulable)');
  return new vscode.MarkdownString(lines.join('\n\n'));
}

const nodeSubject = (name: string) => ({ kind: 'Node', namespace: '', name });

export const nodeRow: Row<'node'> = {
  children(element, tree) {
    const connection = tree.connection(element.context);
    const events = eventsChild(tree, connection, element.id, element.context, nodeSubject(element.name));
    const pods = connection.pods
      .byIndex('node', element.name)
      .filter((pod) => matchesFilter(tree.filter, pod.meta))
      .sort((a, b) => byName(a.meta.namespace, b.meta.namespace) || byName(a.meta.name, b.meta.name));
    return [...events, ...tree.page(element, pods, (pod) => tree.element(podElement(element.context, pod.meta.namespace, pod.meta.name, 'node')))];
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const node = connection.nodes.get('', element.name);
    if (node === undefined) return new vscode.TreeItem(`${element.name} (deleted)`);
    const summary = summarizeNode(node, nodeLease(connection, element.name), connection.pods.byIndex('node', element.name), tree.now());
    const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.Collapsed);
    const warnings = warningNote(subjectWarnings(connection, nodeSubject(element.name)));
    item.description = [nodeDescription(summary), ...(warnings === undefined ? [] : [warnings.description])].join(' · ');
    item.iconPath = standingIcons[nodeStanding(summary.health)];
    // The badge and label colour come from NodeDecorations, keyed by this URI.
    item.resourceUri = nodeUri(element.context, element.name);
    item.tooltip = tooltip(element.name, summary);
    // Event text is the cluster's: escaped, never rendered as Markdown.
    if (warnings !== undefined) item.tooltip.appendMarkdown('\n\n').appendText(warnings.tooltip);
    return item;
  },
  contextValue: () => 'kubeWorkbench.node',
  refreshOn(change, context) {
    if (change.type === 'state' || change.type === 'relisted') return [];
    // A node added or deleted redraws the group instead.
    if (change.resource === 'nodes') return change.type === 'modified' ? [nodeId(context, change.item.meta.name)] : [];
    // A node's Lease has the node's name.
    if (change.resource === 'leases') return [nodeId(context, change.item.meta.name)];
    if (change.resource !== 'pods') return [];
    // A pod redraws its node, and the node it left.
    const nodes = new Set([change.item.nodeName, change.type === 'modified' ? change.previous.nodeName : '']);
    nodes.delete('');
    return [...nodes].map((name) => nodeId(context, name));
  },
};
