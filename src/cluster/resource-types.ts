// The resources the Explorer watches, where they live in the API, and how each is trimmed.
import { slimCrd, slimCustomResource, type SlimCrd, type SlimCustomResource } from '../core/cluster/custom-resource-model.ts';
import { NODE_LEASE_NAMESPACE, slimLease, type SlimLease } from '../core/cluster/lease-model.ts';
import { slimNode, type SlimNode } from '../core/cluster/node-model.ts';
import type { ObjectMeta } from '../core/cluster/object-fields.ts';
import { slimPod, type SlimPod } from '../core/cluster/pod-model.ts';
import { slimWorkload, type SlimWorkload, type WorkloadKind } from '../core/cluster/workload-model.ts';

export interface ResourceType<T> {
  /** Plural, as in the API path: "pods". */
  readonly plural: string;
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** Cluster-scoped kinds (nodes) have no namespaced fallback. */
  readonly namespaced: boolean;
  /** Only this namespace (node Leases live in kube-node-lease). */
  readonly fixedNamespace?: string;
  readonly trim: (raw: unknown) => T;
}

/** A lease carries no namespace in its slim form; the store still needs one for its key. */
export type LeaseEntry = SlimLease & { readonly meta: Pick<ObjectMeta, 'namespace' | 'name'> };

export const nodeType: ResourceType<SlimNode> = { plural: 'nodes', group: '', version: 'v1', namespaced: false, trim: slimNode };
export const podType: ResourceType<SlimPod> = { plural: 'pods', group: '', version: 'v1', namespaced: true, trim: slimPod };
export const leaseType: ResourceType<LeaseEntry> = {
  plural: 'leases',
  group: 'coordination.k8s.io',
  version: 'v1',
  namespaced: true,
  fixedNamespace: NODE_LEASE_NAMESPACE,
  trim: (raw) => {
    const lease = slimLease(raw);
    return { ...lease, meta: { namespace: NODE_LEASE_NAMESPACE, name: lease.name } };
  },
};

function workloadType(kind: WorkloadKind, plural: string, group: string, version: string): ResourceType<SlimWorkload> {
  return { plural, group, version, namespaced: true, trim: (raw) => slimWorkload(kind, raw) };
}

export const workloadTypes: Readonly<Record<WorkloadKind, ResourceType<SlimWorkload>>> = {
  Deployment: workloadType('Deployment', 'deployments', 'apps', 'v1'),
  StatefulSet: workloadType('StatefulSet', 'statefulsets', 'apps', 'v1'),
  DaemonSet: workloadType('DaemonSet', 'daemonsets', 'apps', 'v1'),
  Job: workloadType('Job', 'jobs', 'batch', 'v1'),
  CronJob: workloadType('CronJob', 'cronjobs', 'batch', 'v1'),
  Service: workloadType('Service', 'services', '', 'v1'),
  ConfigMap: workloadType('ConfigMap', 'configmaps', '', 'v1'),
};

export const crdType: ResourceType<SlimCrd> = {
  plural: 'customresourcedefinitions',
  group: 'apiextensions.k8s.io',
  version: 'v1',
  namespaced: false,
  trim: slimCrd,
};

/** The objects of one CRD, listed across all namespaces (the same path serves both scopes). */
export function customResourceType(crd: SlimCrd): ResourceType<SlimCustomResource> {
  return { plural: crd.plural, group: crd.group, version: crd.version, namespaced: crd.namespaced, trim: slimCustomResource };
}

/** The collection path, across all namespaces unless one is given. */
export function collectionPath(type: ResourceType<unknown>, namespace?: string): string {
  const prefix = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  const scope = namespace ?? type.fixedNamespace;
  return scope === undefined || !type.namespaced ? `${prefix}/${type.plural}` : `${prefix}/namespaces/${scope}/${type.plural}`;
}
