/**
 * The objects a pod's volumes need and the store lacks: a kubelet waits (ContainerCreating,
 * FailedMount) for a ConfigMap or Secret, the scheduler (VolumeBinding) for a PersistentVolumeClaim.
 * Volumes marked `optional` never wait.
 */
import type { Pod } from '../objects.ts';
import { isObject } from '../objects.ts';
import type { Store } from '../store.ts';
import type { Types } from './types.ts';

export interface MissingSource {
  readonly volume: string;
  /** As the kubelet's and scheduler's messages name it. */
  readonly kind: 'configmap' | 'secret' | 'persistentvolumeclaim';
  readonly name: string;
}

type Source = Record<string, unknown>;

/** A source that must exist: its name (under `nameField`) and not optional. */
function required(source: unknown, nameField: string): string | undefined {
  if (!isObject(source) || source['optional'] === true) return undefined;
  const name = source[nameField];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function sources(volume: Source): { kind: MissingSource['kind']; name: string }[] {
  const found: { kind: MissingSource['kind']; name: string }[] = [];
  const add = (kind: MissingSource['kind'], name: string | undefined): void => {
    if (name !== undefined) found.push({ kind, name });
  };
  add('configmap', required(volume['configMap'], 'name'));
  add('secret', required(volume['secret'], 'secretName'));
  add('persistentvolumeclaim', required(volume['persistentVolumeClaim'], 'claimName'));
  const projected = isObject(volume['projected']) ? volume['projected']['sources'] : undefined;
  for (const each of Array.isArray(projected) ? projected : []) {
    if (!isObject(each)) continue;
    add('configmap', required(each['configMap'], 'name'));
    add('secret', required(each['secret'], 'name'));
  }
  return found;
}

/** The first volume source of `kinds` that does not exist in the pod's namespace. */
export function missingSource(store: Store, types: Types, pod: Pod, kinds: readonly MissingSource['kind'][]): MissingSource | undefined {
  const typeOf = { configmap: types.configMap, secret: types.secret, persistentvolumeclaim: types.persistentVolumeClaim };
  const volumes = Array.isArray(pod.spec['volumes']) ? (pod.spec['volumes'] as unknown[]) : [];
  for (const volume of volumes) {
    if (!isObject(volume)) continue;
    for (const source of sources(volume)) {
      if (!kinds.includes(source.kind)) continue;
      if (store.get(typeOf[source.kind], pod.metadata.namespace, source.name) === undefined) return { volume: String(volume['name'] ?? ''), ...source };
    }
  }
  return undefined;
}
