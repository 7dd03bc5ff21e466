// Where each kind lives in the API: the one place src/cluster knows API paths. A custom resource gets
// the same shape from its CRD. A watch uses the list path with `watch=true` (the `/watch/` prefix is
// deprecated since 1.11), so one collection path serves both.
import type { SlimCrd } from '../core/cluster/custom-resource-model.ts';

export interface KindPath {
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** Plural, as in the path: "pods". */
  readonly plural: string;
  /** Cluster-scoped kinds (nodes) have no namespace segment. */
  readonly namespaced: boolean;
}

// A pure constructor (esbuild's annotation): a bundle importing crdKindPath alone (dist/extension.js)
// then drops the table.
/* @__NO_SIDE_EFFECTS__ */
function kind(group: string, version: string, plural: string, namespaced = true): KindPath {
  return { group, version, plural, namespaced };
}

/** Every built-in kind the cluster service lists, watches, reads or writes. */
export const KINDS = {
  Pod: kind('', 'v1', 'pods'),
  Service: kind('', 'v1', 'services'),
  ConfigMap: kind('', 'v1', 'configmaps'),
  Secret: kind('', 'v1', 'secrets'),
  Node: kind('', 'v1', 'nodes', false),
  Namespace: kind('', 'v1', 'namespaces', false),
  Deployment: kind('apps', 'v1', 'deployments'),
  StatefulSet: kind('apps', 'v1', 'statefulsets'),
  DaemonSet: kind('apps', 'v1', 'daemonsets'),
  ReplicaSet: kind('apps', 'v1', 'replicasets'),
  Job: kind('batch', 'v1', 'jobs'),
  CronJob: kind('batch', 'v1', 'cronjobs'),
  Lease: kind('coordination.k8s.io', 'v1', 'leases'),
  Event: kind('', 'v1', 'events'),
  EventV1: kind('events.k8s.io', 'v1', 'events'),
  ServiceAccount: kind('', 'v1', 'serviceaccounts'),
  PersistentVolumeClaim: kind('', 'v1', 'persistentvolumeclaims'),
  PersistentVolume: kind('', 'v1', 'persistentvolumes', false),
  Ingress: kind('networking.k8s.io', 'v1', 'ingresses'),
  IngressClass: kind('networking.k8s.io', 'v1', 'ingressclasses', false),
  NetworkPolicy: kind('networking.k8s.io', 'v1', 'networkpolicies'),
  HorizontalPodAutoscaler: kind('autoscaling', 'v2', 'horizontalpodautoscalers'),
  PodDisruptionBudget: kind('policy', 'v1', 'poddisruptionbudgets'),
  Role: kind('rbac.authorization.k8s.io', 'v1', 'roles'),
  RoleBinding: kind('rbac.authorization.k8s.io', 'v1', 'rolebindings'),
  ClusterRole: kind('rbac.authorization.k8s.io', 'v1', 'clusterroles', false),
  ClusterRoleBinding: kind('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false),
  StorageClass: kind('storage.k8s.io', 'v1', 'storageclasses', false),
  PriorityClass: kind('scheduling.k8s.io', 'v1', 'priorityclasses', false),
  CustomResourceDefinition: kind('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', false),
  PodMetrics: kind('metrics.k8s.io', 'v1beta1', 'pods'),
  SelfSubjectAccessReview: kind('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', false),
} as const satisfies Readonly<Record<string, KindPath>>;

/** A built-in kind by name; undefined for others (own keys only: "constructor" is no kind). */
export function kindPath(name: string): KindPath | undefined {
  return Object.hasOwn(KINDS, name) ? KINDS[name as keyof typeof KINDS] : undefined;
}

/** The objects of one CRD, at the version its slim form chose. */
export function crdKindPath(crd: SlimCrd): KindPath {
  return kind(crd.group, crd.version, crd.plural, crd.namespaced);
}

function groupVersion(kind: KindPath): string {
  return kind.group === '' ? `/api/${kind.version}` : `/apis/${kind.group}/${kind.version}`;
}

/** The list and watch path: across all namespaces unless one is given (ignored for cluster-scoped kinds). */
export function collectionPath(kind: KindPath, namespace?: string): string {
  const scope = namespace === undefined || !kind.namespaced ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  return `${groupVersion(kind)}${scope}/${kind.plural}`;
}

/** One object's path (its subresources append to it: `/log`, `/scale`). */
export function objectPath(kind: KindPath, namespace: string, name: string): string {
  return `${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`;
}
