// The resources the Explorer watches: their kind (where it lives: kinds.ts) and how each is trimmed.
import { slimCrd, slimCustomResource, type SlimCrd, type SlimCustomResource } from '../core/cluster/custom-resource-model.ts';
import type { ListedKind } from '../core/cluster/listed-kinds.ts';
import { slimListed, type SlimListed } from '../core/cluster/listed-model.ts';
import { slimEvent, type SlimEvent } from '../core/cluster/events/event-model.ts';
import { NODE_LEASE_NAMESPACE, slimLease, type SlimLease } from '../core/cluster/lease-model.ts';
import { slimNode, type SlimNode } from '../core/cluster/node-model.ts';
import type { ObjectMeta } from '../core/cluster/object-fields.ts';
import { PodTrimmer, type SlimPod } from '../core/cluster/pod-model.ts';
import { slimWorkload, type SlimWorkload, type WorkloadKind } from '../core/cluster/workload-model.ts';
import { crdKindPath, KINDS, type KindPath } from './kinds.ts';

export interface ResourceType<T> extends KindPath {
  /** Only this namespace (node Leases live in kube-node-lease). */
  readonly fixedNamespace?: string;
  readonly trim: (raw: unknown) => T;
  /** Watched instead when the server does not serve this API (404). */
  readonly fallback?: ResourceType<T>;
}

/** A lease carries no namespace in its slim form; the store still needs one for its key. */
export type LeaseEntry = SlimLease & { readonly meta: Pick<ObjectMeta, 'namespace' | 'name'> };

export const nodeType: ResourceType<SlimNode> = { ...KINDS.Node, trim: slimNode };
// One trimmer for every context: a remembered request depends on the pod spec alone.
export const podType: ResourceType<SlimPod> = { ...KINDS.Pod, trim: new PodTrimmer().trim };
export const leaseType: ResourceType<LeaseEntry> = {
  ...KINDS.Lease,
  fixedNamespace: NODE_LEASE_NAMESPACE,
  trim: (raw) => {
    const lease = slimLease(raw);
    return { ...lease, meta: { namespace: NODE_LEASE_NAMESPACE, name: lease.name } };
  },
};

function workloadType(kind: WorkloadKind): ResourceType<SlimWorkload> {
  return { ...KINDS[kind], trim: (raw) => slimWorkload(kind, raw) };
}

export const workloadTypes: Readonly<Record<WorkloadKind, ResourceType<SlimWorkload>>> = {
  Deployment: workloadType('Deployment'),
  StatefulSet: workloadType('StatefulSet'),
  DaemonSet: workloadType('DaemonSet'),
  Job: workloadType('Job'),
  CronJob: workloadType('CronJob'),
  Service: workloadType('Service'),
  ConfigMap: workloadType('ConfigMap'),
};

/** A kind the Explorer lists beside workloads, watched from its first expanded group on. */
export function listedType(kind: ListedKind): ResourceType<SlimListed> {
  return { ...KINDS[kind], trim: (raw) => slimListed(kind, raw) };
}

/** Events through events.k8s.io/v1 (served since 1.19), else core/v1: both trim to the same slim event. */
export const eventType: ResourceType<SlimEvent> = { ...KINDS.EventV1, trim: slimEvent, fallback: { ...KINDS.Event, trim: slimEvent } };

export const crdType: ResourceType<SlimCrd> = { ...KINDS.CustomResourceDefinition, trim: slimCrd };

/** The objects of one CRD, listed across all namespaces (the same path serves both scopes). */
export function customResourceType(crd: SlimCrd): ResourceType<SlimCustomResource> {
  return { ...crdKindPath(crd), trim: slimCustomResource };
}
