// "Show 500 more" at the end of a long list; the Show More command pages the parent's list on.
import * as vscode from 'vscode';
import { Commands } from '../../ids.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    more: { parentId: string; remaining: number };
  }
}

/** Rows per page of a long list. */
export const PAGE_SIZE = 500;

export const moreElement = (context: string, parentId: string, remaining: number) => ({ type: 'more', id: `more:${parentId}`, context, parentId, remaining }) as const;

export const moreRow: Row<'more'> = {
  item(element) {
    const item = new vscode.TreeItem(`Show ${Math.min(element.remaining, PAGE_SIZE)} more`, vscode.TreeItemCollapsibleState.None);
    item.description = `${element.remaining} not shown`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: Commands.showMore, title: 'Show more', arguments: [element] };
    return item;
  },
  contextValue: () => 'kubeWorkbench.more',
  replaceable: true,
};
