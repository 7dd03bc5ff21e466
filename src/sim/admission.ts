/**
 * The LimitRanger and ResourceQuota admission plugins for pods created through the API: containers
 * get the namespace's default requests and limits, then a pod that would take a quota past its hard
 * limits (or lacks a request the quota tracks) is refused with 403 Forbidden, in the server's words.
 */
import { amount } from './amounts.ts';
import type { KubeObject, Pod } from './objects.ts';
import { isObject } from './objects.ts';
import type { Catalog, ResourceType } from './resources.ts';
import { ApiError } from './status.ts';
import type { Store } from './store.ts';

type Resources = Partial<Record<string, string>>;

function forbidden(pod: KubeObject, why: string): ApiError {
  return new ApiError(403, 'Forbidden', `pods "${pod.metadata.name ?? ''}" is forbidden: ${why}`);
}

/** LimitRange `Container` items: defaults filled in, then min and max checked. */
function applyLimitRanges(limitRanges: readonly KubeObject[], pod: Pod): void {
  const set: string[] = [];
  for (const range of limitRanges) {
    const items = ((range['spec'] as { limits?: Record<string, unknown>[] } | undefined)?.limits ?? []).filter((item) => item['type'] === 'Container');
    for (const item of items) {
      const defaults = (item['default'] ?? {}) as Resources;
      const defaultRequests = { ...defaults, ...(item['defaultRequest'] as Resources | undefined) };
      for (const container of pod.spec.containers) {
        const resources = (container.resources ??= {});
        const limits: Resources = (resources.limits ??= {});
        // A container's own limit stands in for its missing request (pod defaulting), before the range's.
        const ownLimits = { ...limits };
        const requests: Resources = (resources.requests ??= {});
        for (const [name, value] of Object.entries(defaults)) {
          if (limits[name] !== undefined) continue;
          limits[name] = value;
          set.push(`${name} limit for container ${container.name}`);
        }
        for (const [name, value] of Object.entries(defaultRequests)) {
          if (requests[name] !== undefined) continue;
          requests[name] = ownLimits[name] ?? value;
          set.push(`${name} request for container ${container.name}`);
        }
        for (const [name, max] of Object.entries((item['max'] ?? {}) as Resources)) {
          if (limits[name] !== undefined && amount(limits[name]) > amount(max)) throw forbidden(pod, `maximum ${name} usage per Container is ${max}, but limit is ${limits[name]}`);
        }
        for (const [name, min] of Object.entries((item['min'] ?? {}) as Resources)) {
          if (requests[name] !== undefined && amount(requests[name]) < amount(min)) throw forbidden(pod, `minimum ${name} usage per Container is ${min}, but request is ${requests[name]}`);
        }
      }
    }
  }
  if (set.length > 0) pod.metadata.annotations = { ...pod.metadata.annotations, 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${set.join('; ')}` };
}

/** What a pod counts against each quota resource it names (`cpu` is `requests.cpu`), undefined when it lacks it. */
export function podUsage(pod: Pod, resource: string): number | undefined {
  if (resource === 'pods' || resource === 'count/pods') return 1;
  const [kind, name] = resource.includes('.') ? resource.split('.', 2) : ['requests', resource];
  if (kind !== 'requests' && kind !== 'limits') return 0;
  let total = 0;
  for (const container of pod.spec.containers) {
    const value = container.resources?.[kind]?.[name ?? ''];
    if (value === undefined) return undefined;
    total += amount(value);
  }
  return total;
}

/** A quantity as the quota prints it: whole units, else milli-units for CPU, else bytes in binary units. */
export function quotaQuantity(resource: string, value: number): string {
  if (Number.isInteger(value) && (value < 1024 || !resource.includes('memory'))) return String(value);
  if (!resource.includes('memory')) return `${Math.round(value * 1000)}m`;
  const units: [string, number][] = [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
  const unit = units.find(([, size]) => value % size === 0);
  return unit === undefined ? String(value) : `${value / unit[1]}${unit[0]}`;
}

export function isCounted(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp === undefined && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

/** Sums of the quota's hard resources over the namespace's pods that still hold resources. */
export function quotaUsed(store: Store, podType: ResourceType, quota: KubeObject): Record<string, number> {
  const hard = ((quota['spec'] as { hard?: Resources } | undefined)?.hard ?? {});
  const used: Record<string, number> = Object.fromEntries(Object.keys(hard).map((key) => [key, 0]));
  for (const { object } of store.scan(podType, { namespace: quota.metadata.namespace })) {
    const pod = object as Pod;
    if (!isCounted(pod)) continue;
    for (const key of Object.keys(hard)) used[key] = (used[key] ?? 0) + (podUsage(pod, key) ?? 0);
  }
  return used;
}

function checkQuotas(store: Store, podType: ResourceType, quotas: readonly KubeObject[], pod: Pod): void {
  for (const quota of quotas) {
    const hard = ((quota['spec'] as { hard?: Resources } | undefined)?.hard ?? {});
    const keys = Object.keys(hard).sort();
    const missing = keys.filter((key) => key !== 'pods' && podUsage(pod, key) === undefined);
    if (missing.length > 0) throw forbidden(pod, `failed quota: ${quota.metadata.name ?? ''}: must specify ${missing.join(',')}`);
    const used = quotaUsed(store, podType, quota);
    const over = keys.filter((key) => (used[key] ?? 0) + (podUsage(pod, key) ?? 0) > amount(hard[key]) + 1e-9);
    if (over.length === 0) continue;
    const list = (values: (key: string) => string): string => over.map((key) => `${key}=${values(key)}`).join(',');
    throw forbidden(pod, `exceeded quota: ${quota.metadata.name ?? ''}, requested: ${list((key) => quotaQuantity(key, podUsage(pod, key) ?? 0))}, used: ${list((key) => quotaQuantity(key, used[key] ?? 0))}, limited: ${list((key) => hard[key] ?? '')}`);
  }
}

/** Admits a new pod (other kinds pass untouched), changing it as LimitRanger does. */
export function admit(store: Store, catalog: Catalog, type: ResourceType, object: KubeObject): void {
  if (type.group !== '' || type.plural !== 'pods' || !isObject(object['spec'])) return;
  const namespace = object.metadata.namespace;
  const inNamespace = (plural: string): KubeObject[] => [...store.scan(catalog.stored('', plural), { namespace })].map(({ object: each }) => each);
  applyLimitRanges(inNamespace('limitranges'), object as Pod);
  checkQuotas(store, type, inNamespace('resourcequotas'), object as Pod);
}
