// One context's live cache: a reflector per watched resource feeding slim stores, each resource's
// sync state, and one change event stream for the views. A resource the user may not list across
// the cluster (403) is watched in the context's namespace instead, so a namespaced user still sees
// their workloads.
import type { SlimCrd, SlimCustomResource } from '../core/cluster/custom-resource-model.ts';
import { LISTED_KINDS, type ListedKind } from '../core/cluster/listed-kinds.ts';
import type { SlimListed } from '../core/cluster/listed-model.ts';
import type { SlimNode } from '../core/cluster/node-model.ts';
import { controllerKey, ownerKey, podOwnerKey } from '../core/cluster/owner-match.ts';
import { parseKubeVersion, versionSkew } from '../core/cluster/version-skew.ts';
import type { SlimPod } from '../core/cluster/pod-model.ts';
import type { SlimWorkload, WorkloadKind } from '../core/cluster/workload-model.ts';
import type { ApiClient } from './api-client.ts';
import { Emitter, type Disposable } from './disposable.ts';
import { collectionPath } from './kinds.ts';
import { ObjectOperations } from './object-operations.ts';
import { EventCache } from './event-cache.ts';
import { Reflector, type ReflectorOptions, type ReflectorStore, type ResourceState } from './reflector.ts';
import { crdType, customResourceType, eventType, leaseType, listedType, nodeType, podType, workloadTypes, type LeaseEntry, type ResourceType } from './resource-types.ts';
import { SlimStore, type StoreChange } from './slim-store.ts';

/** `custom:<group>/<plural>` names the objects of one CustomResourceDefinition. */
export type WatchedResource = 'nodes' | 'leases' | 'pods' | 'crds' | 'events' | WorkloadKind | ListedKind | `custom:${string}`;

/** The objects of one custom resource kind, with the definition they were listed by. */
export interface CustomResources {
  readonly crd: SlimCrd;
  readonly store: SlimStore<SlimCustomResource>;
}

export function customKey(group: string, plural: string): `custom:${string}` {
  return `custom:${group}/${plural}`;
}

/** One resource's change, as its store saw it: an object added, modified or deleted, or all of them relisted. */
export type ChangeOf<R extends WatchedResource, T> =
  | { readonly type: 'added'; readonly resource: R; readonly item: T }
  | { readonly type: 'modified'; readonly resource: R; readonly item: T; readonly previous: T }
  | { readonly type: 'deleted'; readonly resource: R; readonly item: T }
  /** A (re)list replaced every object, or a custom kind went away with its CRD. */
  | { readonly type: 'relisted'; readonly resource: R };

/** What changed in the connection's cache; narrowing on `resource` types `item`. */
export type ConnectionChange =
  | ChangeOf<'nodes', SlimNode>
  | ChangeOf<'leases', LeaseEntry>
  | ChangeOf<'pods', SlimPod>
  | ChangeOf<'crds', SlimCrd>
  | ChangeOf<WorkloadKind, SlimWorkload>
  | ChangeOf<ListedKind, SlimListed>
  | ChangeOf<`custom:${string}`, SlimCustomResource>;

function connectionChange<T>(resource: WatchedResource, change: StoreChange<T>): ConnectionChange {
  const { item, previous } = change;
  const body =
    change.type === 'reset' || item === undefined
      ? { type: 'relisted' }
      : change.type === 'delete'
        ? { type: 'deleted', item }
        : previous === undefined
          ? { type: 'added', item }
          : { type: 'modified', item, previous };
  // watch() pairs each resource with the store of its model, which the types cannot follow.
  return { resource, ...body } as ConnectionChange;
}

export interface ConnectionOptions {
  /** Owned by the connection: disposed with it, which cancels whatever it still has in flight. */
  readonly client: ApiClient;
  /** The context's namespace: where namespaced resources are watched when cluster-wide lists are forbidden. */
  readonly namespace: string;
  /** The API server URL (no credentials): with the context name it keys what is stored per cluster. */
  readonly server?: string;
  /** Passed to every reflector (tests use it for fake time). */
  readonly reflectorOverrides?: Partial<Pick<ReflectorOptions<never>, 'sleep' | 'random' | 'pageSize'>>;
}

export class ClusterConnection implements Disposable {
  readonly nodes = new SlimStore<SlimNode>();
  readonly leases = new SlimStore<LeaseEntry>();
  readonly pods = new SlimStore<SlimPod>();
  readonly crds = new SlimStore<SlimCrd>();
  /** Bounded (newest 100 per object, 1 h, 5,000 in all); its own coalesced onDidChange, not the connection's. */
  readonly events = new EventCache();
  /** Single-object reads and writes (scale, restart, delete, ...) through the same client. */
  readonly operations: ObjectOperations;
  /** Keyed by customKey(group, plural); follows the CRDs as they come and go. */
  readonly customResources = new Map<string, CustomResources>();
  readonly workloads: Readonly<Record<WorkloadKind, SlimStore<SlimWorkload>>>;
  /** Empty until demand() starts watching the kind (an Explorer group of it was expanded). */
  readonly listed: Readonly<Record<ListedKind, SlimStore<SlimListed>>>;
  private readonly states = new Map<WatchedResource, ResourceState>();
  private readonly reflectors = new Map<WatchedResource, Reflector<never>>();
  private readonly changes = new Emitter<ConnectionChange>();
  private readonly stateChanges = new Emitter<WatchedResource | 'version'>();
  private readonly subscriptions: Disposable[] = [];
  private readonly options: ConnectionOptions;
  /** The server's gitVersion ("v1.32.4") once /version answered. */
  serverVersion: string | undefined;
  /** Set when the server's version is outside what this client supports. */
  skew: string | undefined;
  /** Resources already moved to the namespaced fallback. */
  private readonly narrowed = new Set<WatchedResource>();
  private disposed = false;

  constructor(options: ConnectionOptions) {
    this.options = options;
    this.operations = new ObjectOperations(options.client);
    this.pods.addIndex('node', (pod) => pod.nodeName);
    this.pods.addIndex('namespace', (pod) => pod.meta.namespace);
    this.pods.addIndex('owner', podOwnerKey);
    const workloads = {} as Record<WorkloadKind, SlimStore<SlimWorkload>>;
    for (const kind of Object.keys(workloadTypes) as WorkloadKind[]) {
      const store = new SlimStore<SlimWorkload>();
      store.addIndex('namespace', (workload) => workload.meta.namespace);
      workloads[kind] = store;
    }
    // A CronJob's Jobs, for its pods and events.
    workloads.Job.addIndex('owner', (job) => controllerKey(job.meta));
    this.workloads = workloads;
    const listed = {} as Record<ListedKind, SlimStore<SlimListed>>;
    for (const kind of LISTED_KINDS) {
      const store = new SlimStore<SlimListed>();
      store.addIndex('namespace', (object) => object.meta.namespace);
      listed[kind] = store;
    }
    // An HPA is shown on the workload it scales.
    listed.HorizontalPodAutoscaler.addIndex('target', (hpa) => (hpa.scales === undefined ? '' : ownerKey(hpa.scales.kind, hpa.meta.namespace, hpa.scales.name)));
    this.listed = listed;
  }

  get context(): string {
    return this.options.client.context;
  }

  get server(): string {
    return this.options.server ?? '';
  }

  /** Requests beyond the watched resources (the metrics API) go through the same credentials. */
  get client(): ApiClient {
    return this.options.client;
  }

  /**
   * Starts watching `resources` (all of them by default): nodes and their Leases together, then the
   * rest once both have answered (listed or failed). On a big cluster the 300 pages of pods would
   * otherwise delay the first node rows by seconds. Nodes fill their store page by page, so their first
   * rows show after one page; until the Leases are listed a node stands by its Ready condition
   * (health.ts's 'pending' Lease) rather than wait for 5,000 Leases.
   */
  start(resources: readonly WatchedResource[] = ['nodes', 'leases', 'pods', 'crds', 'events', ...(Object.keys(workloadTypes) as WorkloadKind[])]): void {
    void this.readVersion();
    const first = resources.filter((resource) => resource === 'nodes' || resource === 'leases');
    const rest = resources.filter((resource) => resource !== 'nodes' && resource !== 'leases');
    this.startStages([first, rest].filter((stage) => stage.length > 0));
  }

  private startStages([current, ...later]: readonly (readonly WatchedResource[])[]): void {
    if (current === undefined) return;
    for (const resource of current) this.startOne(resource);
    if (later.length === 0) return;
    const gate = this.stateChanges.on(() => {
      if (current.some((resource) => this.state(resource).phase === 'connecting')) return;
      gate.dispose();
      this.startStages(later);
    });
    this.subscriptions.push(gate);
  }

  private startOne(resource: WatchedResource): void {
    if (resource === 'nodes') this.watch(resource, nodeType, this.nodes);
    else if (resource === 'leases') this.watch(resource, leaseType, this.leases);
    else if (resource === 'pods') this.watch(resource, podType, this.pods);
    else if (resource === 'crds') this.watchCrds();
    else if (resource === 'events') this.watch(resource, eventType, this.events);
    else if (!resource.startsWith('custom:')) this.watch(resource, workloadTypes[resource as WorkloadKind], this.workloads[resource as WorkloadKind]);
  }

  private async readVersion(): Promise<void> {
    const answer = await this.options.client.request('/version', { verb: 'get', resource: 'version' });
    if (!answer.ok) return; // The reflectors report why the server cannot be reached.
    const gitVersion = (answer.value as { gitVersion?: unknown }).gitVersion;
    if (typeof gitVersion !== 'string') return;
    this.serverVersion = gitVersion;
    const parsed = parseKubeVersion(gitVersion);
    this.skew = parsed === undefined ? undefined : versionSkew(parsed);
    this.stateChanges.fire('version');
  }

  /** Watches the CRDs, and the objects of each served one: a reflector per kind, started and stopped with its CRD. */
  private watchCrds(): void {
    this.watch('crds', crdType, this.crds);
    this.subscriptions.push(this.crds.onDidChange(() => this.reconcileCustomResources()));
  }

  private reconcileCustomResources(): void {
    const wanted = new Map<string, SlimCrd>();
    for (const crd of this.crds.values()) if (crd.version !== '' && crd.plural !== '') wanted.set(customKey(crd.group, crd.plural), crd);
    for (const [key, existing] of this.customResources) {
      const crd = wanted.get(key);
      if (crd !== undefined && crd.version === existing.crd.version) continue;
      this.reflectors.get(key as WatchedResource)?.dispose();
      this.reflectors.delete(key as WatchedResource);
      this.states.delete(key as WatchedResource);
      this.customResources.delete(key);
      this.changes.fire({ type: 'relisted', resource: key as `custom:${string}` });
    }
    for (const [key, crd] of wanted) {
      if (this.customResources.has(key)) continue;
      const store = new SlimStore<SlimCustomResource>();
      this.customResources.set(key, { crd, store });
      this.watch(key as WatchedResource, customResourceType(crd), store);
    }
  }

  /**
   * Starts watching a listed kind, once: few clusters need them, so they are listed only when a view
   * first asks. A 403 is the kind's state (narrowed to the context's namespace first, as workloads are).
   */
  demand(kind: ListedKind): void {
    if (!this.reflectors.has(kind) && !this.disposed) this.watch(kind, listedType(kind), this.listed[kind]);
  }

  /** Whether demand() started the kind. */
  demanded(kind: ListedKind): boolean {
    return this.reflectors.has(kind);
  }

  /** The cached HPAs that scale this workload. */
  autoscalersOf(kind: string, namespace: string, name: string): readonly SlimListed[] {
    return this.listed.HorizontalPodAutoscaler.byIndex('target', ownerKey(kind, namespace, name));
  }

  /** The cached pods of a Deployment, StatefulSet, DaemonSet or Job, from the owner index; a CronJob's through its Jobs. */
  podsOwnedBy(kind: string, namespace: string, name: string): readonly SlimPod[] {
    if (kind !== 'CronJob') return this.pods.byIndex('owner', ownerKey(kind, namespace, name));
    return this.jobsOf(namespace, name).flatMap((job) => this.pods.byIndex('owner', ownerKey('Job', namespace, job.meta.name)));
  }

  /** The cached Jobs a CronJob made (their controller owner reference names it). */
  jobsOf(namespace: string, cronJob: string): readonly SlimWorkload[] {
    return this.workloads.Job.byIndex('owner', ownerKey('CronJob', namespace, cronJob));
  }

  state(resource: WatchedResource): ResourceState {
    return this.states.get(resource) ?? { phase: 'connecting', items: 0 };
  }

  /** Namespaced resources are listed only in this namespace (cluster-wide list forbidden); else undefined. */
  narrowedTo(resource: WatchedResource): string | undefined {
    return this.narrowed.has(resource) ? this.options.namespace || 'default' : undefined;
  }

  onDidChange(listener: (change: ConnectionChange) => void): Disposable {
    return this.changes.on(listener);
  }

  onDidChangeState(listener: (resource: WatchedResource | 'version') => void): Disposable {
    return this.stateChanges.on(listener);
  }

  /** Stops every reflector and cancels every request of this connection in flight (the version read, object operations, metrics). */
  dispose(): void {
    this.disposed = true;
    this.options.client.dispose();
    for (const reflector of this.reflectors.values()) reflector.dispose();
    this.reflectors.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.events.dispose();
    this.changes.clear();
    this.stateChanges.clear();
  }

  private watch<T extends { readonly meta: { readonly namespace: string; readonly name: string } }>(
    resource: WatchedResource,
    type: ResourceType<T>,
    store: SlimStore<T> | ReflectorStore<T>,
    namespace?: string,
  ): void {
    if (namespace === undefined && store instanceof SlimStore) {
      this.subscriptions.push(store.onDidChange((change) => this.changes.fire(connectionChange(resource, change))));
    }
    const reflector = new Reflector<T>({
      ...this.options.reflectorOverrides,
      fillPerPage: resource === 'nodes',
      client: this.options.client,
      path: collectionPath(type, namespace ?? type.fixedNamespace),
      resource: namespace === undefined ? type.plural : `${type.plural} in namespace "${namespace}"`,
      trim: type.trim,
      store,
      onState: (state) => {
        if (state.error?.kind === 'notFound' && type.fallback !== undefined) {
          this.reflectors.get(resource)?.dispose();
          this.watch(resource, type.fallback, store, namespace);
          return;
        }
        if (state.error?.kind === 'forbidden' && type.namespaced && type.fixedNamespace === undefined && !this.narrowed.has(resource)) {
          this.narrowed.add(resource);
          this.reflectors.get(resource)?.dispose();
          this.watch(resource, type, store, this.options.namespace || 'default');
          return;
        }
        this.states.set(resource, state);
        this.stateChanges.fire(resource);
      },
    });
    this.reflectors.set(resource, reflector as unknown as Reflector<never>);
    reflector.start();
  }
}
