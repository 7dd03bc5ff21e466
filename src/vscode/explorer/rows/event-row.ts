// One event: its reason, then type, age, count and message; a Warning icon or an info one. Under the
// Warnings group it names its object, and a click reveals the workload it is about or describes the
// object.
import * as vscode from 'vscode';
import { isWarning, type SlimEvent } from '../../../core/cluster/events/event-model.ts';
import { eventAge, regardingText } from '../../../core/cluster/events/event-text.ts';
import { isListedKind } from '../../../core/cluster/listed-kinds.ts';
import { replicaSetDeployment } from '../../../core/cluster/owner-match.ts';
import { Commands } from '../../ids.ts';
import type { ClusterConnection } from '../../bundle-loader.ts';
import type { Element } from '../elements.ts';
import { isWorkloadKind } from './kind-row.ts';
import { listedObjectElement } from './listed-object-row.ts';
import { nodeElement } from './node-row.ts';
import { podElement } from './pod-row.ts';
import type { Row } from './row.ts';

/** Where it is listed: its own object's Events, a workload's Events (its pods' and ReplicaSets' too), the Warnings group. */
export type EventVia = 'own' | 'related' | 'warnings';

declare module '../elements.ts' {
  interface ElementFields {
    /** kind/namespace/name: the object it is about; eventNamespace/eventName: the Event's own key. */
    event: { kind: string; namespace: string; name: string; eventNamespace: string; eventName: string; via: EventVia };
  }
}

export const eventElement = (context: string, parentId: string, event: SlimEvent, via: EventVia) =>
  ({
    type: 'event',
    id: `event:${parentId}:${event.meta.namespace}/${event.meta.name}`,
    context,
    ...event.regarding,
    eventNamespace: event.meta.namespace,
    eventName: event.meta.name,
    via,
  }) as const;

function findEvent(connection: ClusterConnection, element: { kind: string; namespace: string; name: string; eventNamespace: string; eventName: string }): SlimEvent | undefined {
  return connection.events.forObject(element.kind, element.namespace, element.name).find(({ meta }) => meta.name === element.eventName && meta.namespace === element.eventNamespace);
}

/** Reveal a workload's row (a ReplicaSet's: its Deployment's), else Describe the object (a pod's Describe ends with its events). */
function clickCommand(context: string, event: SlimEvent): vscode.Command | undefined {
  const { kind, namespace, name } = event.regarding;
  const deployment = kind === 'ReplicaSet' ? replicaSetDeployment(name) : undefined;
  const workload = deployment === undefined ? { kind, name } : { kind: 'Deployment', name: deployment };
  if (isWorkloadKind(workload.kind)) return { title: 'Reveal', command: Commands.revealWorkload, arguments: [{ context, namespace, ...workload }] };
  const target: Element | undefined =
    kind === 'Pod' ? podElement(context, namespace, name, 'workload') : kind === 'Node' ? nodeElement(context, name) : isListedKind(kind) ? listedObjectElement(context, kind, namespace, name) : undefined;
  return target === undefined ? undefined : { title: 'Describe', command: Commands.describe, arguments: [target] };
}

export const eventRow: Row<'event'> = {
  item(element, tree) {
    const connection = tree.connection(element.context);
    const event = findEvent(connection, element);
    if (event === undefined) return new vscode.TreeItem(`${element.eventName} (expired)`);
    const item = new vscode.TreeItem(event.reason || '(no reason)', vscode.TreeItemCollapsibleState.None);
    const about = element.via !== 'own' ? [regardingText(event, true)] : [];
    item.description = [event.type, eventAge(event, tree.now()), `×${event.count}`, ...about, event.message].join(' · ');
    item.iconPath = isWarning(event) ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('info');
    // A plain string: event text never renders as Markdown.
    item.tooltip = [`${event.type} ${event.reason} on ${regardingText(event, true)}`, event.message, `${event.count} times, last ${eventAge(event, tree.now())} ago${event.source === '' ? '' : `, from ${event.source}`}`].join('\n');
    if (element.via === 'warnings') item.command = clickCommand(element.context, event);
    return item;
  },
  contextValue: () => 'kubeWorkbench.event',
};
