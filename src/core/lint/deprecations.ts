// Removed and deprecated APIs, from the Kubernetes deprecated API migration guide
// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/): apiVersion → the kinds it
// served, the version that removed them, and the replacement (none for PodSecurityPolicy).
interface Deprecation {
  readonly kinds: string;
  readonly removedIn: string;
  readonly replacement: string | undefined;
}

const table: Readonly<Record<string, readonly Deprecation[]>> = {
  'extensions/v1beta1': [
    { kinds: 'Deployment DaemonSet ReplicaSet', removedIn: '1.16', replacement: 'apps/v1' },
    { kinds: 'NetworkPolicy', removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
    { kinds: 'PodSecurityPolicy', removedIn: '1.16', replacement: 'policy/v1beta1' },
    { kinds: 'Ingress', removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  ],
  'apps/v1beta1': [{ kinds: 'Deployment StatefulSet ReplicaSet ControllerRevision', removedIn: '1.16', replacement: 'apps/v1' }],
  'apps/v1beta2': [{ kinds: 'Deployment StatefulSet DaemonSet ReplicaSet ControllerRevision', removedIn: '1.16', replacement: 'apps/v1' }],
  'networking.k8s.io/v1beta1': [{ kinds: 'Ingress IngressClass', removedIn: '1.22', replacement: 'networking.k8s.io/v1' }],
  'rbac.authorization.k8s.io/v1beta1': [{ kinds: 'ClusterRole ClusterRoleBinding Role RoleBinding', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' }],
  'apiextensions.k8s.io/v1beta1': [{ kinds: 'CustomResourceDefinition', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1' }],
  'admissionregistration.k8s.io/v1beta1': [{ kinds: 'MutatingWebhookConfiguration ValidatingWebhookConfiguration', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1' }],
  'apiregistration.k8s.io/v1beta1': [{ kinds: 'APIService', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1' }],
  'scheduling.k8s.io/v1beta1': [{ kinds: 'PriorityClass', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' }],
  'storage.k8s.io/v1beta1': [
    { kinds: 'CSIDriver CSINode StorageClass VolumeAttachment', removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
    { kinds: 'CSIStorageCapacity', removedIn: '1.27', replacement: 'storage.k8s.io/v1' },
  ],
  'coordination.k8s.io/v1beta1': [{ kinds: 'Lease', removedIn: '1.22', replacement: 'coordination.k8s.io/v1' }],
  'certificates.k8s.io/v1beta1': [{ kinds: 'CertificateSigningRequest', removedIn: '1.22', replacement: 'certificates.k8s.io/v1' }],
  'batch/v1beta1': [{ kinds: 'CronJob', removedIn: '1.25', replacement: 'batch/v1' }],
  'policy/v1beta1': [
    { kinds: 'PodDisruptionBudget', removedIn: '1.25', replacement: 'policy/v1' },
    { kinds: 'PodSecurityPolicy', removedIn: '1.25', replacement: undefined },
  ],
  'autoscaling/v2beta1': [{ kinds: 'HorizontalPodAutoscaler', removedIn: '1.25', replacement: 'autoscaling/v2' }],
  'autoscaling/v2beta2': [{ kinds: 'HorizontalPodAutoscaler', removedIn: '1.26', replacement: 'autoscaling/v2' }],
  'discovery.k8s.io/v1beta1': [{ kinds: 'EndpointSlice', removedIn: '1.25', replacement: 'discovery.k8s.io/v1' }],
  'events.k8s.io/v1beta1': [{ kinds: 'Event', removedIn: '1.25', replacement: 'events.k8s.io/v1' }],
  'node.k8s.io/v1beta1': [{ kinds: 'RuntimeClass', removedIn: '1.25', replacement: 'node.k8s.io/v1' }],
  'flowcontrol.apiserver.k8s.io/v1beta1': [{ kinds: 'FlowSchema PriorityLevelConfiguration', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1' }],
  'flowcontrol.apiserver.k8s.io/v1beta2': [{ kinds: 'FlowSchema PriorityLevelConfiguration', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' }],
  'flowcontrol.apiserver.k8s.io/v1beta3': [{ kinds: 'FlowSchema PriorityLevelConfiguration', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' }],
};

export interface DeprecatedApi {
  readonly removedIn: string;
  readonly replacement: string | undefined;
}

export function deprecationOf(apiVersion: string, kind: string): DeprecatedApi | undefined {
  // Own keys only: an apiVersion such as `constructor` must not reach Object.prototype.
  return (Object.hasOwn(table, apiVersion) ? table[apiVersion] : undefined)?.find((entry) => entry.kinds.split(' ').includes(kind));
}

/** Whether `version` (major.minor, `v` optional) is at or after `since` (when an API went, or a control came). */
export function versionAtLeast(version: string, since: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [sinceMajor = 0, sinceMinor = 0] = since.split('.').map(Number);
  return major > sinceMajor || (major === sinceMajor && minor >= sinceMinor);
}
