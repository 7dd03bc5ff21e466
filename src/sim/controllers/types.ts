/** The stored types the controllers read and write, resolved once from the catalogue. */
import type { Catalog, ResourceType } from '../resources.ts';

export interface Types {
  readonly namespace: ResourceType;
  readonly node: ResourceType;
  readonly pod: ResourceType;
  readonly event: ResourceType;
  readonly lease: ResourceType;
  readonly deployment: ResourceType;
  readonly replicaSet: ResourceType;
  readonly statefulSet: ResourceType;
  readonly daemonSet: ResourceType;
  readonly job: ResourceType;
  readonly cronJob: ResourceType;
  readonly crd: ResourceType;
  readonly serviceAccount: ResourceType;
  readonly service: ResourceType;
  readonly endpoints: ResourceType;
  readonly endpointSlice: ResourceType;
  readonly podDisruptionBudget: ResourceType;
  readonly horizontalPodAutoscaler: ResourceType;
  readonly resourceQuota: ResourceType;
  readonly configMap: ResourceType;
  readonly secret: ResourceType;
  readonly persistentVolumeClaim: ResourceType;
}

export function resolveTypes(catalog: Catalog): Types {
  return {
    namespace: catalog.stored('', 'namespaces'),
    node: catalog.stored('', 'nodes'),
    pod: catalog.stored('', 'pods'),
    event: catalog.stored('', 'events'),
    lease: catalog.stored('coordination.k8s.io', 'leases'),
    deployment: catalog.stored('apps', 'deployments'),
    replicaSet: catalog.stored('apps', 'replicasets'),
    statefulSet: catalog.stored('apps', 'statefulsets'),
    daemonSet: catalog.stored('apps', 'daemonsets'),
    job: catalog.stored('batch', 'jobs'),
    cronJob: catalog.stored('batch', 'cronjobs'),
    crd: catalog.stored('apiextensions.k8s.io', 'customresourcedefinitions'),
    serviceAccount: catalog.stored('', 'serviceaccounts'),
    service: catalog.stored('', 'services'),
    endpoints: catalog.stored('', 'endpoints'),
    endpointSlice: catalog.stored('discovery.k8s.io', 'endpointslices'),
    podDisruptionBudget: catalog.stored('policy', 'poddisruptionbudgets'),
    horizontalPodAutoscaler: catalog.stored('autoscaling', 'horizontalpodautoscalers'),
    resourceQuota: catalog.stored('', 'resourcequotas'),
    configMap: catalog.stored('', 'configmaps'),
    secret: catalog.stored('', 'secrets'),
    persistentVolumeClaim: catalog.stored('', 'persistentvolumeclaims'),
  };
}
