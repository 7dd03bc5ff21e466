// The Kubernetes Explorer: contexts → Nodes → pods, and → Workloads → namespaces → kinds → objects
// → pods. Every answer comes from the cluster service's slim cache (no request on expand), through
// the row of the element's type (rows/); watch changes are turned into the rows they touch and
// coalesced. Long lists are paged ("Show 500 more").
import * as vscode from 'vscode';
import type { NodeStanding } from '../../core/cluster/node-summary.ts';
import type { ClusterConnection, ClusterService } from '../bundle-loader.ts';
import { watchConnection } from './connection-changes.ts';
import { ElementCache, type Element, type ElementOf } from './elements.ts';
import { NodeStandings } from './node-standings.ts';
import { subjectWarnings, type EventSubject } from './object-warnings.ts';
import { RefreshCoalescer } from './refresh-coalescer.ts';
import { contextElement } from './rows/context-row.ts';
import { rowOf } from './rows/index.ts';
import { moreElement, PAGE_SIZE } from './rows/more-row.ts';
import { nodeId } from './rows/node-row.ts';
import { nodesId } from './rows/nodes-row.ts';
import type { Tree } from './rows/row.ts';
import { statusElement } from './rows/status-row.ts';

/** What the Explorer keeps per watched context. */
interface Watched {
  readonly changes: { dispose(): void };
  readonly standings: NodeStandings;
}

export class ExplorerProvider implements vscode.TreeDataProvider<Element>, Tree, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Element | Element[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly standingsChanged = new vscode.EventEmitter<{ readonly context: string; readonly names: readonly string[] }>();
  /** Nodes whose standing (Unknown, NotReady, ...) changed: their badges. */
  readonly onDidChangeStandings = this.standingsChanged.event;
  private readonly eventsChanged = new vscode.EventEmitter<void>();
  /** A watched context's events changed (coalesced by its event cache): the warning badges. */
  readonly onDidChangeEvents = this.eventsChanged.event;
  private readonly cache = new ElementCache();
  private readonly coalescer = new RefreshCoalescer<Element>((elements) => this.changed.fire(elements));
  private readonly watched = new Map<string, Watched>();
  private readonly limits = new Map<string, number>();
  private readonly clusters: () => ClusterService;
  private clock: () => number = Date.now;
  private filterText = '';

  constructor(clusters: () => ClusterService) {
    this.clusters = clusters;
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.limits.clear();
    this.coalescer.add(undefined);
  }

  /** Forgets everything and redraws: after a kubeconfig reload or the Refresh command. */
  refresh(): void {
    this.unwatchAll();
    this.cache.clear();
    this.changed.fire(undefined);
  }

  /** Pages one more batch of the list that `more` ends. */
  showMore(more: ElementOf<'more'>): void {
    this.limits.set(more.parentId, (this.limits.get(more.parentId) ?? PAGE_SIZE) + PAGE_SIZE);
    this.invalidate(more.parentId);
  }

  /** Marks rows for a coalesced redraw (undefined: the whole tree); ids never handed out are ignored. */
  invalidate(id: string | undefined): void {
    const element = id === undefined ? undefined : this.cache.find(id);
    if (id === undefined || element !== undefined) this.coalescer.add(element);
  }

  /** The clock heartbeat ages are judged by (the integration tests hand in the simulated cluster's). */
  useClock(now: () => number): void {
    this.clock = now;
  }

  now(): number {
    return this.clock();
  }

  /**
   * Judges every watched context's nodes again (the health ticker does, every few seconds): a dead
   * kubelet sends no event, only time tells. Rows that show a heartbeat age redraw so it advances.
   */
  rejudgeNodes(): void {
    for (const [context, { standings }] of this.watched) {
      standings.judgeAll();
      for (const name of standings.notReadyNames()) if (standings.standing(name) === 'Unknown') this.invalidate(nodeId(context, name));
    }
  }

  /** A node's standing when its context is watched; never connects. */
  standingOf(context: string, name: string): NodeStanding | undefined {
    return this.watched.get(context)?.standings.standing(name);
  }

  /** A row's Warning events of the last hour when its context is watched; never connects. */
  warningCount(context: string, subject: EventSubject): number {
    const connection = this.watched.has(context) ? this.clusters().connection(context) : undefined;
    return connection === undefined ? 0 : subjectWarnings(connection, subject).length;
  }

  getParent(): undefined {
    return undefined;
  }

  getChildren(element?: Element): Element[] {
    if (element === undefined) return this.roots();
    return rowOf(element).children?.(element, this) ?? [];
  }

  getTreeItem(element: Element): vscode.TreeItem {
    const row = rowOf(element);
    const item = row.item(element, this);
    item.id = element.id;
    item.contextValue = row.contextValue(element, this);
    return item;
  }

  service(): ClusterService {
    return this.clusters();
  }

  /** The context's live connection, opened (and watched for changes) on first use. */
  connection(context: string): ClusterConnection {
    const connection = this.clusters().connect(context);
    if (connection === undefined) throw new Error(`unknown context ${context}`);
    if (!this.watched.has(context)) {
      const standings = new NodeStandings(connection, () => this.now(), (names) => {
        this.invalidate(nodesId(context));
        for (const name of names) this.invalidate(nodeId(context, name));
        this.standingsChanged.fire({ context, names });
      });
      this.watched.set(context, { changes: watchConnection(connection, (id) => this.invalidate(id), () => this.eventsChanged.fire()), standings });
    }
    return connection;
  }

  standings(context: string): NodeStandings {
    this.connection(context);
    return this.watched.get(context)!.standings;
  }

  element<E extends Element>(element: E): E {
    return this.cache.get(element, rowOf(element).replaceable === true);
  }

  page<T>(parent: Element, items: readonly T[], toElement: (item: T) => Element): Element[] {
    const limit = this.limits.get(parent.id) ?? PAGE_SIZE;
    const rows = items.slice(0, limit).map(toElement);
    if (items.length > limit) rows.push(this.element(moreElement(parent.context, parent.id, items.length - limit)));
    return rows;
  }

  dispose(): void {
    this.coalescer.dispose();
    this.unwatchAll();
    this.changed.dispose();
    this.standingsChanged.dispose();
    this.eventsChanged.dispose();
  }

  private unwatchAll(): void {
    for (const { changes, standings } of this.watched.values()) {
      changes.dispose();
      standings.dispose();
    }
    this.watched.clear();
  }

  private roots(): Element[] {
    const config = this.clusters().config;
    if (!config.ok) return [this.element(statusElement('', 'kubeconfig', 'error', config.error.message, config.error.kind))];
    return config.value.contexts.map((context) => this.element(contextElement(context.name)));
  }
}
