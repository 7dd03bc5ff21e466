// The contract of one row type: its children, its TreeItem, the context value the menus in
// package.json match, and which cache changes redraw it. The provider looks rows up by element type
// (rows/index.ts) and answers VS Code through them; rows ask the provider (Tree) for the cache.
import type * as vscode from 'vscode';
import type { ConnectionChange, WatchedResource } from '../../../cluster/index.ts';
import type { ClusterConnection, ClusterService } from '../../bundle-loader.ts';
import type { Element, ElementOf, ElementType } from '../elements.ts';
import type { NodeStandings } from '../node-standings.ts';

/** What rows may ask of the Explorer: the cache, the one element per id, paging, the filter, the clock. */
export interface Tree {
  service(): ClusterService;
  /** The context's connection, opened (and watched) on first use. */
  connection(context: string): ClusterConnection;
  /** The one object VS Code sees for this element's id. */
  element<E extends Element>(element: E): E;
  /** The first page of a sorted list, with a "Show more" row when some are left. */
  page<T>(parent: Element, items: readonly T[], toElement: (item: T) => Element): Element[];
  /** Node health of the context, judged as rows are drawn and kept current. */
  standings(context: string): NodeStandings;
  readonly filter: string;
  now(): number;
}

/** A cache change, or a resource's sync state (or the server version) changing. */
export type RowChange = ConnectionChange | { readonly type: 'state'; readonly resource: WatchedResource | 'version' };

// Members are methods so that a Row<'node'> is also a Row of any element in the lookup table.
export interface Row<K extends ElementType> {
  /** The rows under this one; a leaf omits it. */
  children?(element: ElementOf<K>, tree: Tree): Element[];
  /** The row as drawn; the provider sets its id and contextValue. */
  item(element: ElementOf<K>, tree: Tree): vscode.TreeItem;
  /** What `viewItem` matches in package.json's menus. */
  contextValue(element: ElementOf<K>, tree: Tree): string;
  /** Ids of the rows of this type that `change` of `connection`'s context redraws (ids never handed out are ignored). */
  refreshOn?(change: RowChange, context: string, connection: ClusterConnection): readonly string[];
  /** The element carries text that changes (a status message): the cache replaces it rather than keep the first. */
  readonly replaceable?: boolean;
}

export function isCurrentContext(tree: Tree, context: string): boolean {
  const config = tree.service().config;
  return config.ok && config.value.currentContext === context;
}

/** The context's namespace as kubectl uses it: the kubeconfig's, else "default". */
export function currentNamespace(tree: Tree, context: string): string {
  const config = tree.service().config;
  return (config.ok ? config.value.contexts.find((summary) => summary.name === context)?.namespace : undefined) || 'default';
}
