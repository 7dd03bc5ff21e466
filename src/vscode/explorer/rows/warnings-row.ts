// "Warnings" under each context: the cluster's Warning events of the last hour, newest first; each
// names its object and a click reveals or describes it (event-row.ts).
import * as vscode from 'vscode';
import { eventElement } from './event-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    warnings: object;
  }
}

export const warningsId = (context: string): string => `warnings:${context}`;

export const warningsElement = (context: string) => ({ type: 'warnings', id: warningsId(context), context }) as const;

export const warningsRow: Row<'warnings'> = {
  children(element, tree) {
    const warnings = tree.connection(element.context).events.recentWarnings();
    return tree.page(element, warnings, (event) => tree.element(eventElement(element.context, element.id, event, 'warnings')));
  },
  item(element, tree) {
    const count = tree.connection(element.context).events.recentWarnings().length;
    const item = new vscode.TreeItem('Warnings', vscode.TreeItemCollapsibleState.Collapsed);
    item.description = count === 0 ? 'none in the last hour' : `${count} in the last hour`;
    item.iconPath = new vscode.ThemeIcon('warning', count === 0 ? undefined : new vscode.ThemeColor('list.warningForeground'));
    item.tooltip = 'Warning events of the last hour, newest first: a click shows the object';
    return item;
  },
  contextValue: () => 'kubeWorkbench.group.warnings',
};
