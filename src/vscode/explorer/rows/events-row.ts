// "Events" under a pod, workload or node: the object's cached events newest first (a workload's with
// its ReplicaSets' and pods', object-warnings.ts), shown only while there are some; "2 warnings" beside it.
import * as vscode from 'vscode';
import type { ClusterConnection } from '../../bundle-loader.ts';
import type { Element } from '../elements.ts';
import { subjectEvents, warningNote, subjectWarnings, type EventSubject } from '../object-warnings.ts';
import { eventElement } from './event-row.ts';
import type { Row, Tree } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    events: { kind: string; namespace: string; name: string };
  }
}

/** The Events child's id under the row `parentId` (a pod shows under its node and its workload). */
export const eventsId = (parentId: string): string => `events:${parentId}`;

export const eventsElement = (context: string, parentId: string, subject: EventSubject) =>
  ({ type: 'events', id: eventsId(parentId), context, kind: subject.kind, namespace: subject.namespace, name: subject.name }) as const;

/** The Events child of a row when its object has events, else nothing (a row without events stays a leaf). */
export function eventsChild(tree: Tree, connection: ClusterConnection, parentId: string, context: string, subject: EventSubject): Element[] {
  return subjectEvents(connection, subject).length === 0 ? [] : [tree.element(eventsElement(context, parentId, subject))];
}

export const eventsRow: Row<'events'> = {
  children(element, tree) {
    const events = subjectEvents(tree.connection(element.context), element);
    const via = events.some((event) => event.objectKey !== events[0]?.objectKey) ? 'related' : 'own';
    return tree.page(element, events, (event) => tree.element(eventElement(element.context, element.id, event, via)));
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const events = subjectEvents(connection, element);
    const item = new vscode.TreeItem('Events', vscode.TreeItemCollapsibleState.Collapsed);
    const note = warningNote(subjectWarnings(connection, element));
    item.description = [String(events.length), ...(note === undefined ? [] : [note.description])].join(' · ');
    item.iconPath = new vscode.ThemeIcon(note === undefined ? 'history' : 'warning', note === undefined ? undefined : new vscode.ThemeColor('list.warningForeground'));
    item.tooltip = note?.tooltip ?? `${events.length} events in the last hour`;
    return item;
  },
  contextValue: () => 'kubeWorkbench.events',
};
