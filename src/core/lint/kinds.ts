import { deprecationOf } from './deprecations.ts';

// The built-in API of Kubernetes 1.32: group/version → kinds (from `kubectl api-resources` of a 1.32
// cluster and the API reference, https://kubernetes.io/docs/reference/kubernetes-api/). Kinds marked
// with a leading `^` are cluster-scoped; all others are namespaced.
const builtIn: Readonly<Record<string, string>> = {
  v1: 'Binding ^ComponentStatus ConfigMap Endpoints Event LimitRange ^Namespace ^Node ^PersistentVolume PersistentVolumeClaim Pod PodTemplate ReplicationController ResourceQuota Secret Service ServiceAccount List',
  'apps/v1': 'ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet',
  'batch/v1': 'CronJob Job',
  'autoscaling/v1': 'HorizontalPodAutoscaler',
  'autoscaling/v2': 'HorizontalPodAutoscaler',
  'networking.k8s.io/v1': 'Ingress ^IngressClass NetworkPolicy',
  'policy/v1': 'PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1': '^ClusterRole ^ClusterRoleBinding Role RoleBinding',
  'storage.k8s.io/v1': '^CSIDriver ^CSINode CSIStorageCapacity ^StorageClass ^VolumeAttachment',
  'apiextensions.k8s.io/v1': '^CustomResourceDefinition',
  'admissionregistration.k8s.io/v1': '^MutatingWebhookConfiguration ^ValidatingWebhookConfiguration ^ValidatingAdmissionPolicy ^ValidatingAdmissionPolicyBinding',
  'apiregistration.k8s.io/v1': '^APIService',
  'scheduling.k8s.io/v1': '^PriorityClass',
  'coordination.k8s.io/v1': 'Lease',
  'certificates.k8s.io/v1': '^CertificateSigningRequest',
  'discovery.k8s.io/v1': 'EndpointSlice',
  'events.k8s.io/v1': 'Event',
  'node.k8s.io/v1': '^RuntimeClass',
  'flowcontrol.apiserver.k8s.io/v1': '^FlowSchema ^PriorityLevelConfiguration',
  'authentication.k8s.io/v1': '^TokenReview ^SelfSubjectReview',
  'authorization.k8s.io/v1': '^SubjectAccessReview ^SelfSubjectAccessReview LocalSubjectAccessReview ^SelfSubjectRulesReview',
};

export interface KindInfo {
  readonly namespaced: boolean;
}

/** The built-in kind table keyed `apiVersion kind`. */
export const builtInKinds: ReadonlyMap<string, KindInfo> = new Map(
  Object.entries(builtIn).flatMap(([apiVersion, kinds]) =>
    kinds.split(' ').map((entry): [string, KindInfo] => [kindKey(apiVersion, entry.replace('^', '')), { namespaced: !entry.startsWith('^') }]),
  ),
);

/**
 * A built-in kind's scope, also for an apiVersion that Kubernetes has removed (extensions/v1beta1
 * Deployment is the apps/v1 one under its old name), so structural rules still apply to it.
 */
export function builtInKind(apiVersion: string, kind: string): KindInfo | undefined {
  const known = builtInKinds.get(kindKey(apiVersion, kind));
  if (known !== undefined) return known;
  const deprecation = deprecationOf(apiVersion, kind);
  if (deprecation === undefined) return undefined;
  // PodSecurityPolicy has no successor: it was cluster-scoped.
  return deprecation.replacement === undefined ? { namespaced: false } : builtInKinds.get(kindKey(deprecation.replacement, kind)) ?? builtInKind(deprecation.replacement, kind);
}

export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/** A rule's kinds when it looks at every object, whatever its kind (objects without one included). */
export const anyKind: readonly string[] = ['*'];

export function isAnyKind(kinds: readonly string[]): boolean {
  return kinds.includes('*');
}
