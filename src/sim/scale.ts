/** The scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets and StatefulSets, which `kubectl scale` patches. */
import type { KubeObject } from './objects.ts';
import { isObject } from './objects.ts';
import { badRequest } from './status.ts';

export function toScale(object: KubeObject): KubeObject {
  const spec = isObject(object['spec']) ? object['spec'] : {};
  const status = isObject(object['status']) ? object['status'] : {};
  const selector = isObject(spec['selector']) && isObject(spec['selector']['matchLabels']) ? spec['selector']['matchLabels'] : {};
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: typeof spec['replicas'] === 'number' ? spec['replicas'] : 0 },
    status: {
      replicas: typeof status['replicas'] === 'number' ? status['replicas'] : 0,
      selector: Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`).join(','),
    },
  };
}

/** The object with the replicas of a (patched or replaced) Scale. */
export function fromScale(object: KubeObject, scale: KubeObject): KubeObject {
  const replicas = isObject(scale['spec']) ? scale['spec']['replicas'] : undefined;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw badRequest('Scale.autoscaling "" is invalid: spec.replicas: must be a non-negative integer');
  }
  const spec = isObject(object['spec']) ? object['spec'] : {};
  return { ...object, spec: { ...spec, replicas }, metadata: { ...object.metadata, resourceVersion: scale.metadata.resourceVersion ?? object.metadata.resourceVersion } };
}
