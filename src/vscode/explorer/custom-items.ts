// Rows for custom resources: the group of API groups, each group, each kind, each object.
import * as vscode from 'vscode';
import type { ElementOf } from './elements.ts';

export function customsItem(element: ElementOf<'customs'>, kinds: number): vscode.TreeItem {
  const item = new vscode.TreeItem('Custom resources', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  item.description = `${kinds} kinds`;
  item.iconPath = new vscode.ThemeIcon('extensions');
  item.contextValue = 'kubeWorkbench.group.customs';
  return item;
}

export function crdGroupItem(element: ElementOf<'crdGroup'>, kinds: number): vscode.TreeItem {
  const item = new vscode.TreeItem(element.group, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  item.description = `${kinds} kinds`;
  item.iconPath = new vscode.ThemeIcon('symbol-namespace');
  item.contextValue = 'kubeWorkbench.crdGroup';
  return item;
}

export function crdKindItem(element: ElementOf<'crdKind'>, count: number, version: string): vscode.TreeItem {
  const item = new vscode.TreeItem(element.kind, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  item.description = `${count} · ${version}`;
  item.iconPath = new vscode.ThemeIcon('symbol-class');
  item.contextValue = 'kubeWorkbench.crdKind';
  return item;
}

export function customItem(element: ElementOf<'custom'>): vscode.TreeItem {
  const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.description = element.namespace;
  item.iconPath = new vscode.ThemeIcon('symbol-object');
  item.contextValue = 'kubeWorkbench.customResource';
  return item;
}
