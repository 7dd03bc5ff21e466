// Writes and reads of single objects for the commands: get, scale, rollout restart, delete and
// server-side apply, each a Result whose error names the context, verb and resource.
import { formatObjectName, objectNameOf, type ObjectName } from '../core/cluster/object-ref.ts';
import { FIELD_MANAGER } from '../core/manifests/labels.ts';
import type { Result } from '../core/result.ts';
import type { ApiClient, Query, WatchEnd } from './api-client.ts';
import type { ClusterError } from './cluster-error.ts';
import { collectionPath, KINDS, kindPath, objectPath, type KindPath } from './kinds.ts';
import { listAll } from './list-all.ts';
import { checkAccess } from './streams/access-check.ts';

export interface ObjectRef extends ObjectName {
  /** For kinds outside the built-in table (custom resources: crdKindPath). */
  readonly path?: KindPath;
}

export interface LogOptions {
  /** Keep streaming new lines until stopped. */
  readonly follow: boolean;
  readonly timestamps: boolean;
  /** The previous (crashed) instance of the container. */
  readonly previous: boolean;
  /** Needed for pods with several containers. */
  readonly container?: string;
  readonly tailLines?: number;
  readonly signal?: AbortSignal;
}

/** An object with more events than this is a runaway: Describe says so rather than list them. */
const maxDescribedEvents = 1000;

/** kubectl's annotation for `rollout restart`: a new value rolls the pod template. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export class ObjectOperations {
  private readonly client: ApiClient;

  constructor(client: ApiClient) {
    this.client = client;
  }

  /** The object's URL path, or undefined for a kind the table does not know. */
  static path(ref: ObjectRef): string | undefined {
    const kind = ref.path ?? kindPath(ref.kind);
    return kind === undefined ? undefined : objectPath(kind, ref.namespace, ref.name);
  }

  get(ref: ObjectRef, signal?: AbortSignal): Promise<Result<unknown, ClusterError>> {
    return this.send(ref, 'get', { signal });
  }

  /**
   * The object's core/v1 Events, found as `kubectl describe` finds them (by kind, name and, but for
   * nodes, whose kubelet events carry the node's name as uid, by uid), at most 1,000.
   */
  async events(ref: ObjectRef, uid: string, signal?: AbortSignal): Promise<Result<unknown[], ClusterError>> {
    const fields = [`involvedObject.kind=${ref.kind}`, `involvedObject.name=${ref.name}`];
    if (ref.namespace !== '') fields.push(`involvedObject.namespace=${ref.namespace}`);
    if (uid !== '' && ref.kind !== 'Node') fields.push(`involvedObject.uid=${uid}`);
    const listed = await listAll({
      client: this.client,
      path: collectionPath(KINDS.Event, ref.namespace === '' ? undefined : ref.namespace),
      resource: `events of ${formatObjectName(ref)}`,
      trim: (raw) => raw,
      query: { fieldSelector: fields.join(',') },
      maxItems: maxDescribedEvents,
      ...(signal === undefined ? {} : { signal }),
    });
    return listed.ok ? { ok: true, value: listed.value.items } : listed;
  }

  /** The names of a kind's objects in a namespace, for kinds the cache does not hold (Secrets: only names are kept). */
  async names(kind: string, namespace: string): Promise<Result<string[], ClusterError>> {
    const path = kindPath(kind);
    if (path === undefined) return { ok: false, error: { kind: 'invalid', message: `cannot list ${kind}: unknown kind` } };
    const listed = await listAll({
      client: this.client,
      path: collectionPath(path, namespace),
      resource: `${kind} in namespace "${namespace}"`,
      trim: (raw) => (raw as { metadata?: { name?: string } } | null)?.metadata?.name ?? '',
    });
    return listed.ok ? { ok: true, value: listed.value.items } : listed;
  }

  scale(ref: ObjectRef, replicas: number, signal?: AbortSignal): Promise<Result<unknown, ClusterError>> {
    return this.send(ref, 'scale', { method: 'PATCH', contentType: 'application/merge-patch+json', body: { spec: { replicas } }, signal });
  }

  /** As `kubectl rollout restart`: stamps the pod template, so the controller rolls every pod. */
  restart(ref: ObjectRef, now: Date, signal?: AbortSignal): Promise<Result<unknown, ClusterError>> {
    const body = { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: now.toISOString() } } } } };
    return this.send(ref, 'restart', { method: 'PATCH', contentType: 'application/strategic-merge-patch+json', body, signal });
  }

  /** Deletes in the background: the garbage collector removes what the object owns. */
  delete(ref: ObjectRef, signal?: AbortSignal): Promise<Result<unknown, ClusterError>> {
    return this.send(ref, 'delete', { method: 'DELETE', body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' }, signal });
  }

  /**
   * Server-side apply (`application/apply-patch+yaml`, whose JSON body YAML accepts): creates or
   * updates the fields this manager owns (the commands' own, unless told another); a conflict with
   * another manager is a 409 unless forced.
   */
  apply(object: Record<string, unknown>, options: { fieldManager?: string; force: boolean; dryRun: boolean }): Promise<Result<unknown, ClusterError>> {
    const ref: ObjectRef = objectNameOf(object);
    const query = { fieldManager: options.fieldManager ?? FIELD_MANAGER, force: options.force || undefined, dryRun: options.dryRun ? 'All' : undefined };
    return this.send(ref, options.dryRun ? 'apply (dry run)' : 'apply', { method: 'PATCH', contentType: 'application/apply-patch+yaml', body: object, query });
  }

  /**
   * A full update (PUT, as `kubectl edit` and `replace` send): `object`'s metadata.resourceVersion is
   * the precondition, so a change made since it was read is a 409 conflict, never overwritten.
   */
  replace(ref: ObjectRef, object: Record<string, unknown>, options: { dryRun: boolean; signal?: AbortSignal }): Promise<Result<unknown, ClusterError>> {
    const query = { fieldManager: FIELD_MANAGER, dryRun: options.dryRun ? 'All' : undefined };
    return this.send(ref, options.dryRun ? 'update (dry run)' : 'update', { method: 'PUT', body: object, query, signal: options.signal });
  }

  /** Whether the user may `verb` the object (a SelfSubjectAccessReview); ok too when the review cannot be had. */
  access(ref: ObjectRef, verb: string): Promise<Result<void, ClusterError>> {
    const kind = ref.path ?? kindPath(ref.kind);
    if (kind === undefined) return Promise.resolve({ ok: false, error: { kind: 'invalid', message: `cannot ${verb} ${formatObjectName(ref)}: unknown kind ${ref.kind}` } });
    return checkAccess(this.client, { verb, group: kind.group, resource: kind.plural, namespace: ref.namespace, name: ref.name });
  }

  /** A pod's log, line by line, through `pods/log` (streamed when following). */
  logs(ref: ObjectRef, options: LogOptions, onLine: (line: string) => void): Promise<WatchEnd> {
    const path = ObjectOperations.path(ref);
    if (ref.kind !== 'Pod' || path === undefined) {
      return Promise.resolve({ kind: 'error', error: { kind: 'invalid', message: `logs are read from pods, not from ${formatObjectName(ref)}` } });
    }
    const query = {
      follow: options.follow || undefined,
      timestamps: options.timestamps || undefined,
      previous: options.previous || undefined,
      container: options.container,
      tailLines: options.tailLines,
    };
    return this.client.streamLines(`${path}/log`, { verb: 'get logs of', resource: formatObjectName(ref), query, ...(options.signal ? { signal: options.signal } : {}) }, onLine, 'text/plain');
  }

  private async send(
    ref: ObjectRef,
    verb: string,
    options: { method?: 'PUT' | 'PATCH' | 'DELETE'; contentType?: string; body?: unknown; query?: Query; signal?: AbortSignal | undefined },
  ): Promise<Result<unknown, ClusterError>> {
    const path = ObjectOperations.path(ref);
    if (path === undefined) return { ok: false, error: { kind: 'invalid', message: `cannot ${verb} ${formatObjectName(ref)}: unknown kind ${ref.kind}` } };
    const { signal, ...rest } = options;
    return this.client.request(path, { ...rest, ...(signal === undefined ? {} : { signal }), verb, resource: formatObjectName(ref) });
  }
}
