// The Kubernetes Explorer: contexts → Nodes → pods, and → Workloads → namespaces → kinds → objects.
// Every answer comes from the cluster service's slim cache (no request on expand); watch changes are
// turned into the rows they touch and coalesced. Long lists are paged ("Show 500 more").
import * as vscode from 'vscode';
import { summarizeNode } from '../../core/cluster/node-summary.ts';
import type { WorkloadKind } from '../../core/cluster/workload-model.ts';
import type { ClusterConnection, ClusterService } from '../bundle-loader.ts';
import { contextItem, groupItem, moreItem, statusItem } from './context-items.ts';
import { crdGroupItem, crdKindItem, customItem, customsItem } from './custom-items.ts';
import { ElementCache, ids, type Element, type ElementOf } from './elements.ts';
import { matchesFilter } from './filter.ts';
import { nodeItem, podItem } from './node-items.ts';
import { RefreshCoalescer } from './refresh-coalescer.ts';
import { watchConnection } from './connection-changes.ts';
import { kindItem, namespaceItem, workloadItem } from './workload-items.ts';

export const PAGE_SIZE = 500;

/** Code-unit order: as good as locale order for Kubernetes names (DNS-1123), and ~10x faster. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const WORKLOAD_KINDS: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'ConfigMap'];

export class ExplorerProvider implements vscode.TreeDataProvider<Element>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Element | Element[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly cache = new ElementCache();
  private readonly coalescer = new RefreshCoalescer<Element>((elements) => this.changed.fire(elements));
  private readonly watched = new Map<string, vscode.Disposable>();
  private readonly limits = new Map<string, number>();
  private readonly expandedOnce = new Set<string>();
  private readonly service: () => ClusterService;
  private readonly now: () => number;
  private filterText = '';
  /** Sorted node names per context, rebuilt only when nodes come or go. */
  private readonly sortedNodes = new Map<string, { version: number; names: string[] }>();

  constructor(service: () => ClusterService, now: () => number = Date.now) {
    this.service = service;
    this.now = now;
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
    for (const subscription of this.watched.values()) subscription.dispose();
    this.watched.clear();
    this.cache.clear();
    this.sortedNodes.clear();
    this.changed.fire(undefined);
  }

  /** Pages one more batch of the list that `more` ends. */
  showMore(more: ElementOf<'more'>): void {
    this.limits.set(more.parentId, (this.limits.get(more.parentId) ?? PAGE_SIZE) + PAGE_SIZE);
    const parent = this.cache.find(more.parentId);
    this.coalescer.add(parent);
  }

  /** Marks rows for a coalesced redraw (used by the connection watcher and the health ticker). */
  invalidate(id: string | undefined): void {
    if (id === undefined) return this.coalescer.add(undefined);
    const element = this.cache.find(id);
    if (element !== undefined) this.coalescer.add(element);
  }

  /** Node rows VS Code has been given, per context: what the health ticker re-judges. */
  renderedNodes(): ElementOf<'node'>[] {
    return this.cache.all().filter((element): element is ElementOf<'node'> => element.type === 'node');
  }

  getParent(): undefined {
    return undefined;
  }

  getChildren(element?: Element): Element[] {
    if (element === undefined) return this.roots();
    switch (element.type) {
      case 'context':
        return this.contextChildren(element.context);
      case 'nodes':
        return this.nodeRows(element);
      case 'node':
        return this.podRows(element);
      case 'workloads':
        return this.namespaceRows(element);
      case 'namespace':
        return this.kindRows(element);
      case 'kind':
        return this.workloadRows(element);
      case 'customs':
        return this.crdGroupRows(element);
      case 'crdGroup':
        return this.crdKindRows(element);
      case 'crdKind':
        return this.customRows(element);
      default:
        return [];
    }
  }

  getTreeItem(element: Element): vscode.TreeItem {
    switch (element.type) {
      case 'context': {
        const config = this.service().config;
        const summary = config.ok ? config.value.contexts.find((context) => context.name === element.context) : undefined;
        const current = config.ok && config.value.currentContext === element.context;
        return contextItem(element, summary, current, current, this.service().connection(element.context)?.serverVersion);
      }
      case 'nodes': {
        const connection = this.connection(element.context);
        return groupItem(element, connection.nodes.size, connection.state('nodes'), undefined);
      }
      case 'workloads': {
        const connection = this.connection(element.context);
        return groupItem(element, this.namespaces(connection).length, connection.state('Deployment'), connection.narrowedTo('Deployment'));
      }
      case 'node': {
        const connection = this.connection(element.context);
        const node = connection.nodes.get('', element.name);
        if (node === undefined) return new vscode.TreeItem(`${element.name} (deleted)`);
        const lease = connection.leases.get('kube-node-lease', element.name);
        return nodeItem(element, summarizeNode(node, lease, connection.pods.byIndex('node', element.name), this.now()));
      }
      case 'pod':
        return podItem(element, this.connection(element.context).pods.get(element.namespace, element.name));
      case 'namespace': {
        const connection = this.connection(element.context);
        const objects = WORKLOAD_KINDS.reduce((sum, kind) => sum + connection.workloads[kind].countByIndex('namespace', element.namespace), 0);
        return namespaceItem(element, objects);
      }
      case 'kind':
        return kindItem(element, this.connection(element.context).workloads[element.kind].countByIndex('namespace', element.namespace));
      case 'workload':
        return workloadItem(element, this.connection(element.context).workloads[element.kind].get(element.namespace, element.name));
      case 'customs':
        return customsItem(element, this.connection(element.context).customResources.size);
      case 'crdGroup':
        return crdGroupItem(element, this.customKinds(this.connection(element.context), element.group).length);
      case 'crdKind': {
        const resources = this.connection(element.context).customResources.get(element.key);
        return crdKindItem(element, resources?.store.size ?? 0, resources?.crd.version ?? '');
      }
      case 'custom':
        return customItem(element);
      case 'status':
        return statusItem(element);
      case 'more':
        return moreItem(element);
    }
  }

  dispose(): void {
    this.coalescer.dispose();
    for (const subscription of this.watched.values()) subscription.dispose();
    this.watched.clear();
    this.changed.dispose();
  }

  private roots(): Element[] {
    const config = this.service().config;
    if (!config.ok) {
      return [this.cache.get({ type: 'status', id: 'status:kubeconfig', context: '', severity: 'error', message: config.error.message, detail: config.error.kind })];
    }
    return config.value.contexts.map((context) => this.cache.get({ type: 'context', id: ids.context(context.name), context: context.name }));
  }

  /** The context's live connection, opened (and watched for changes) on first use. */
  private connection(context: string): ClusterConnection {
    const connection = this.service().connect(context);
    if (connection === undefined) throw new Error(`unknown context ${context}`);
    if (!this.watched.has(context)) this.watched.set(context, watchConnection(connection, (id) => this.invalidate(id)));
    return connection;
  }

  private contextChildren(context: string): Element[] {
    this.expandedOnce.add(context);
    this.connection(context);
    const rows: Element[] = [
      this.cache.get({ type: 'nodes', id: ids.nodes(context), context }),
      this.cache.get({ type: 'workloads', id: ids.workloads(context), context }),
    ];
    const connection = this.connection(context);
    // Shown once the cluster has CRDs: most clusters do, a fresh one may not.
    if (connection.customResources.size > 0) rows.push(this.cache.get({ type: 'customs', id: ids.customs(context), context }));
    if (connection.skew !== undefined) {
      rows.unshift(this.cache.get({ type: 'status', id: `status:skew:${context}`, context, severity: 'info', message: connection.skew, detail: 'skew' }));
    }
    return rows;
  }

  private customKinds(connection: ClusterConnection, group: string): { key: string; kind: string }[] {
    return [...connection.customResources]
      .filter(([, resources]) => resources.crd.group === group)
      .map(([key, resources]) => ({ key, kind: resources.crd.kind }))
      .sort((a, b) => byName(a.kind, b.kind));
  }

  private crdGroupRows(element: ElementOf<'customs'>): Element[] {
    const groups = new Set([...this.connection(element.context).customResources.values()].map((resources) => resources.crd.group));
    return [...groups].sort(byName).map((group) => this.cache.get({ type: 'crdGroup', id: ids.crdGroup(element.context, group), context: element.context, group }));
  }

  private crdKindRows(element: ElementOf<'crdGroup'>): Element[] {
    return this.customKinds(this.connection(element.context), element.group).map(({ key, kind }) =>
      this.cache.get({ type: 'crdKind', id: ids.crdKind(element.context, key), context: element.context, key, kind }),
    );
  }

  private customRows(element: ElementOf<'crdKind'>): Element[] {
    const store = this.connection(element.context).customResources.get(element.key)?.store;
    const objects = [...(store?.values() ?? [])]
      .filter((object) => matchesFilter(this.filterText, object.meta))
      .sort((a, b) => byName(a.meta.namespace, b.meta.namespace) || byName(a.meta.name, b.meta.name));
    return this.page(element.id, element.context, objects, (object) =>
      this.cache.get({
        type: 'custom',
        id: ids.custom(element.context, element.key, object.meta.namespace, object.meta.name),
        context: element.context,
        key: element.key,
        namespace: object.meta.namespace,
        name: object.meta.name,
      }),
    );
  }

  /** A status row when the resource is failing and nothing is cached, else undefined. */
  private statusRow(connection: ClusterConnection, resource: 'nodes' | 'Deployment', parentId: string, empty: boolean): Element | undefined {
    const state = connection.state(resource);
    if (state.error === undefined || !empty) return undefined;
    return this.cache.get({ type: 'status', id: `status:${parentId}`, context: connection.context, severity: 'error', message: state.error.message, detail: state.error.kind });
  }

  /** The first `limit` rows of a sorted list, plus a "Show more" row when some are left. */
  private page<T>(parentId: string, context: string, items: T[], toElement: (item: T) => Element): Element[] {
    const limit = this.limits.get(parentId) ?? PAGE_SIZE;
    const rows = items.slice(0, limit).map(toElement);
    if (items.length > limit) {
      rows.push(this.cache.get({ type: 'more', id: `more:${parentId}`, context, parentId, remaining: items.length - limit }));
    }
    return rows;
  }

  private nodeRows(element: ElementOf<'nodes'>): Element[] {
    const connection = this.connection(element.context);
    const status = this.statusRow(connection, 'nodes', element.id, connection.nodes.size === 0);
    if (status !== undefined) return [status];
    let sorted = this.sortedNodes.get(element.context);
    if (sorted?.version !== connection.nodes.membershipVersion) {
      sorted = { version: connection.nodes.membershipVersion, names: [...connection.nodes.values()].map((node) => node.meta.name).sort(byName) };
      this.sortedNodes.set(element.context, sorted);
    }
    const names =
      this.filterText === ''
        ? sorted.names
        : sorted.names.filter((name) => {
            const node = connection.nodes.get('', name);
            return node !== undefined && matchesFilter(this.filterText, node.meta);
          });
    return this.page(element.id, element.context, names, (name) => this.cache.get({ type: 'node', id: ids.node(element.context, name), context: element.context, name }));
  }

  private podRows(element: ElementOf<'node'>): Element[] {
    const pods = this.connection(element.context)
      .pods.byIndex('node', element.name)
      .filter((pod) => matchesFilter(this.filterText, pod.meta))
      .sort((a, b) => byName(a.meta.namespace, b.meta.namespace) || byName(a.meta.name, b.meta.name));
    return this.page(element.id, element.context, pods, (pod) =>
      this.cache.get({
        type: 'pod',
        id: ids.pod(element.context, pod.meta.namespace, pod.meta.name),
        context: element.context,
        namespace: pod.meta.namespace,
        name: pod.meta.name,
      }),
    );
  }

  private namespaces(connection: ClusterConnection): string[] {
    const names = new Set<string>();
    for (const kind of WORKLOAD_KINDS) for (const namespace of connection.workloads[kind].indexValues('namespace')) names.add(namespace);
    return [...names].sort(byName);
  }

  private namespaceRows(element: ElementOf<'workloads'>): Element[] {
    const connection = this.connection(element.context);
    const namespaces = this.namespaces(connection);
    const status = this.statusRow(connection, 'Deployment', element.id, namespaces.length === 0);
    if (status !== undefined) return [status];
    return this.page(element.id, element.context, namespaces, (namespace) =>
      this.cache.get({ type: 'namespace', id: ids.namespace(element.context, namespace), context: element.context, namespace }),
    );
  }

  private kindRows(element: ElementOf<'namespace'>): Element[] {
    const connection = this.connection(element.context);
    return WORKLOAD_KINDS.filter((kind) => connection.workloads[kind].countByIndex('namespace', element.namespace) > 0).map((kind) =>
      this.cache.get({ type: 'kind', id: ids.kind(element.context, element.namespace, kind), context: element.context, namespace: element.namespace, kind }),
    );
  }

  private workloadRows(element: ElementOf<'kind'>): Element[] {
    const workloads = this.connection(element.context)
      .workloads[element.kind].byIndex('namespace', element.namespace)
      .filter((workload) => matchesFilter(this.filterText, workload.meta))
      .sort((a, b) => byName(a.meta.name, b.meta.name));
    return this.page(element.id, element.context, workloads, (workload) =>
      this.cache.get({
        type: 'workload',
        id: ids.workload(element.context, element.namespace, element.kind, workload.meta.name),
        context: element.context,
        namespace: element.namespace,
        kind: element.kind,
        name: workload.meta.name,
      }),
    );
  }
}
