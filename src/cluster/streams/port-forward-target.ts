// What a forward points at, and the pod and port that serve it now: a pod itself, a Service (a
// ready pod it selects and the targetPort behind the asked port, as kubectl port-forward svc/...
// does) or a workload (a ready pod of its selector). Named ports resolve through the pod's
// containers. Resolving again after the pod died picks the next ready one.
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import type { ApiClient } from '../api-client.ts';
import type { ClusterError } from '../cluster-error.ts';
import { collectionPath, KINDS, objectPath, type KindPath } from '../kinds.ts';

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export type ForwardTarget =
  | { readonly kind: 'Pod'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'Service'; readonly namespace: string; readonly name: string }
  | { readonly kind: WorkloadKind; readonly namespace: string; readonly name: string };

/** The pod serving a target now, the port on it, and the resourceVersion it was read at (to watch from). */
export interface ResolvedTarget {
  readonly pod: string;
  readonly port: number;
  readonly resourceVersion: string;
}

interface PodObject {
  metadata: { name?: string; resourceVersion?: string; deletionTimestamp?: string };
  spec?: { containers?: { ports?: { containerPort?: number; name?: string }[] }[] };
  status?: { phase?: string; conditions?: { type?: string; status?: string }[] };
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface ServiceObject {
  spec?: { selector?: Record<string, string>; ports?: { name?: string; port?: number; targetPort?: number | string }[] };
}

function invalid(message: string): ClusterError {
  return { kind: 'invalid', message };
}

export function targetText(target: ForwardTarget): string {
  return `${target.kind === 'Pod' ? 'pod' : target.kind === 'Service' ? 'service' : target.kind.toLowerCase()}/${target.name} in ${target.namespace}`;
}

/** Running, not being deleted, Ready: the pods kubectl and the endpoints controller would send traffic to. */
export function isServing(pod: PodObject): boolean {
  return pod.metadata.deletionTimestamp === undefined && pod.status?.phase === 'Running' && (pod.status.conditions ?? []).some((condition) => condition.type === 'Ready' && condition.status === 'True');
}

/** A container port of the pod: a number as it is, a name looked up in the containers' ports. */
function podPort(pod: PodObject, port: number | string): Result<number, ClusterError> {
  if (typeof port === 'number') return ok(port);
  const found = (pod.spec?.containers ?? []).flatMap((container) => container.ports ?? []).find((each) => each.name === port);
  return found?.containerPort === undefined ? err(invalid(`pod ${pod.metadata.name ?? ''} has no port named "${port}"`)) : ok(found.containerPort);
}

function selectorText(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  const expressions = (selector.matchExpressions ?? []).map(({ key, operator, values = [] }) => {
    if (operator === 'Exists') return key;
    if (operator === 'DoesNotExist') return `!${key}`;
    return `${key} ${operator === 'NotIn' ? 'notin' : 'in'} (${values.join(',')})`;
  });
  return [...labels, ...expressions].join(',');
}

async function get<T>(client: ApiClient, kind: KindPath, namespace: string, name: string, what: string): Promise<Result<T, ClusterError>> {
  return (await client.request(objectPath(kind, namespace, name), { verb: 'get', resource: `${what} ${namespace}/${name}` })) as Result<T, ClusterError>;
}

/** The first serving pod of a selector (by name, so repeated resolutions agree while it lives). */
async function servingPod(client: ApiClient, namespace: string, selector: LabelSelector, owner: string): Promise<Result<PodObject, ClusterError>> {
  const labelSelector = selectorText(selector);
  if (labelSelector === '') return err(invalid(`${owner} has no selector`));
  const listed = await client.request(collectionPath(KINDS.Pod, namespace), { verb: 'list', resource: `pods of ${owner}`, query: { labelSelector } });
  if (!listed.ok) return listed;
  const pods = ((listed.value as { items?: PodObject[] }).items ?? []).filter(isServing);
  pods.sort((left, right) => (left.metadata.name ?? '').localeCompare(right.metadata.name ?? ''));
  const [first] = pods;
  return first === undefined ? err({ kind: 'notFound', message: `no ready pod behind ${owner}` }) : ok(first);
}

function resolved(pod: PodObject, port: number | string): Result<ResolvedTarget, ClusterError> {
  const number = podPort(pod, port);
  return number.ok ? ok({ pod: pod.metadata.name ?? '', port: number.value, resourceVersion: pod.metadata.resourceVersion ?? '' }) : number;
}

async function resolveService(client: ApiClient, target: ForwardTarget, port: number | string): Promise<Result<ResolvedTarget, ClusterError>> {
  const service = await get<ServiceObject>(client, KINDS.Service, target.namespace, target.name, 'service');
  if (!service.ok) return service;
  const ports = service.value.spec?.ports ?? [];
  const servicePort = ports.find((each) => (typeof port === 'number' ? each.port === port : each.name === port));
  if (servicePort === undefined) return err(invalid(`${targetText(target)} has no port ${String(port)} (it has ${ports.map((each) => each.port).join(', ') || 'none'})`));
  const pod = await servingPod(client, target.namespace, { matchLabels: service.value.spec?.selector ?? {} }, targetText(target));
  return pod.ok ? resolved(pod.value, servicePort.targetPort ?? servicePort.port ?? port) : pod;
}

/** The pod and port serving `target` now; a pod target must itself be serving. */
export async function resolveTarget(client: ApiClient, target: ForwardTarget, port: number | string): Promise<Result<ResolvedTarget, ClusterError>> {
  if (target.kind === 'Service') return resolveService(client, target, port);
  if (target.kind === 'Pod') {
    const pod = await get<PodObject>(client, KINDS.Pod, target.namespace, target.name, 'pod');
    if (!pod.ok) return pod;
    if (pod.value.metadata.deletionTimestamp !== undefined || pod.value.status?.phase !== 'Running') return err({ kind: 'notFound', message: `${targetText(target)} is not running (${pod.value.status?.phase ?? 'no phase'})` });
    return resolved(pod.value, port);
  }
  const workload = await get<{ spec?: { selector?: LabelSelector } }>(client, KINDS[target.kind], target.namespace, target.name, target.kind.toLowerCase());
  if (!workload.ok) return workload;
  const pod = await servingPod(client, target.namespace, workload.value.spec?.selector ?? {}, targetText(target));
  return pod.ok ? resolved(pod.value, port) : pod;
}
