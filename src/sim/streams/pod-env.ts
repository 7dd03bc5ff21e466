/**
 * A simulated container's environment, as the kubelet builds it: the runtime's defaults, the
 * Service variables for the API server, `envFrom` then `env` (later wins), with ConfigMap and
 * Secret references and the downward API resolved from the store at exec time.
 */
import { isObject, type Container, type KubeObject, type Pod } from '../objects.ts';
import type { Catalog } from '../resources.ts';
import type { Store } from '../store.ts';

/** A ConfigMap's or Secret's decoded data by key; undefined when it does not exist. */
export type SourceLookup = (kind: 'configMap' | 'secret', namespace: string, name: string) => Map<string, string> | undefined;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The pod's fields the downward API (fieldRef) may name. */
function fieldValue(pod: Pod, path: string): string {
  const fields: Record<string, unknown> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec['serviceAccountName'],
    'status.podIP': pod.status?.podIP,
    'status.hostIP': pod.status?.hostIP,
  };
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label !== null) return str((label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2] ?? '']);
  return str(fields[path]);
}

function valueFrom(pod: Pod, source: Record<string, unknown>, lookup: SourceLookup): string | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  for (const kind of ['configMap', 'secret'] as const) {
    const ref = source[`${kind}KeyRef`];
    if (isObject(ref)) return lookup(kind, namespace, str(ref['name']))?.get(str(ref['key']));
  }
  const field = source['fieldRef'];
  return isObject(field) ? fieldValue(pod, str(field['fieldPath'])) : undefined;
}

export function containerEnvironment(pod: Pod, container: Container & { env?: unknown; envFrom?: unknown }, lookup: SourceLookup): Map<string, string> {
  const environment = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', pod.metadata.name ?? ''],
    ['HOME', '/root'],
    ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ]);
  const namespace = pod.metadata.namespace ?? 'default';
  for (const from of Array.isArray(container.envFrom) ? container.envFrom : []) {
    if (!isObject(from)) continue;
    for (const kind of ['configMap', 'secret'] as const) {
      const ref = from[`${kind}Ref`];
      if (!isObject(ref)) continue;
      for (const [key, value] of lookup(kind, namespace, str(ref['name'])) ?? []) environment.set(`${str(from['prefix'])}${key}`, value);
    }
  }
  for (const variable of Array.isArray(container.env) ? container.env : []) {
    if (!isObject(variable) || typeof variable['name'] !== 'string') continue;
    const value = isObject(variable['valueFrom']) ? valueFrom(pod, variable['valueFrom'], lookup) : str(variable['value']);
    if (value !== undefined) environment.set(variable['name'], value);
  }
  return environment;
}

/** A ConfigMap's `data` and `binaryData`, or a Secret's `data` (base64) and `stringData`, decoded. */
export function sourceData(kind: 'configMap' | 'secret', object: KubeObject): Map<string, string> {
  const entries = new Map<string, string>();
  const record = object as KubeObject & { data?: unknown; binaryData?: unknown; stringData?: unknown };
  const decoded = (value: unknown): string => Buffer.from(str(value), 'base64').toString('utf8');
  const add = (map: unknown, decode: boolean): void => {
    if (!isObject(map)) return;
    for (const [key, value] of Object.entries(map)) entries.set(key, decode ? decoded(value) : str(value));
  };
  if (kind === 'configMap') {
    add(record.data, false);
    add(record.binaryData, true);
  } else {
    add(record.data, true);
    add(record.stringData, false);
  }
  return entries;
}

/** Looks ConfigMaps and Secrets up in the sim's store. */
export function storeLookup(store: Store, catalog: Catalog): SourceLookup {
  return (kind, namespace, name) => {
    const object = store.get(catalog.stored('', kind === 'configMap' ? 'configmaps' : 'secrets'), namespace, name);
    return object === undefined ? undefined : sourceData(kind, object);
  };
}
