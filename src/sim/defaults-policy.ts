/** Defaults of the storage, scheduling, autoscaling and endpoint kinds, as their API defaulters set them. */
import type { KubeObject } from './objects.ts';
import { isObject } from './objects.ts';

function spec(object: KubeObject): Record<string, unknown> {
  if (!isObject(object['spec'])) object['spec'] = {};
  return object['spec'] as Record<string, unknown>;
}

/** Ports without a protocol are TCP, as the Endpoints and EndpointSlice defaulters set it (kubectl describe dereferences it). */
function tcpPorts(ports: unknown): void {
  if (!Array.isArray(ports)) return;
  for (const port of ports as unknown[]) if (isObject(port)) port['protocol'] ??= 'TCP';
}

export const policyDefaulters: Record<string, (object: KubeObject) => void> = {
  '/persistentvolumeclaims': (object) => {
    spec(object)['volumeMode'] ??= 'Filesystem';
    object['status'] = { phase: 'Pending' };
  },
  '/persistentvolumes': (object) => {
    const body = spec(object);
    body['persistentVolumeReclaimPolicy'] ??= 'Retain';
    body['volumeMode'] ??= 'Filesystem';
    object['status'] = { phase: 'Available' };
  },
  'storage.k8s.io/storageclasses': (object) => {
    object['reclaimPolicy'] ??= 'Delete';
    object['volumeBindingMode'] ??= 'Immediate';
  },
  'scheduling.k8s.io/priorityclasses': (object) => {
    object['preemptionPolicy'] ??= 'PreemptLowerPriority';
  },
  'autoscaling/horizontalpodautoscalers': (object) => {
    spec(object)['minReplicas'] ??= 1;
  },
  '/endpoints': (object) => {
    for (const subset of Array.isArray(object['subsets']) ? (object['subsets'] as unknown[]) : []) if (isObject(subset)) tcpPorts(subset['ports']);
  },
  'discovery.k8s.io/endpointslices': (object) => tcpPorts(object['ports']),
};
