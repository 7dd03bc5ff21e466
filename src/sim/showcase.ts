/**
 * One object of each kind the Explorer lists beside workloads, around one Deployment (`app`, whose
 * pods carry `app: <app>`): a Service and its Ingress, a NetworkPolicy, an HPA, a PDB, a bound
 * PersistentVolumeClaim, a ServiceAccount with a Role and RoleBinding, a Secret, and the cluster-scoped
 * IngressClass, StorageClass, PersistentVolume, PriorityClass, ClusterRole and ClusterRoleBinding.
 * The demo seeds them, so a user sees every group filled; the Explorer's suite reads them. Written
 * straight into the store with the API server's defaults, statuses included, as seed.ts does: a dozen
 * objects, no measurable start time.
 */
import { applyDefaults } from './defaults.ts';
import type { KubeObject } from './objects.ts';
import { apiVersionOf, builtinTypes } from './resources.ts';
import type { Store } from './store.ts';

/** The showcase's objects, namespaced ones in `namespace`. */
export function showcaseObjects(namespace: string, app: string): KubeObject[] {
  const selector = { matchLabels: { app } };
  const object = (apiVersion: string, kind: string, name: string, body: Record<string, unknown>, scoped = true): KubeObject =>
    ({ apiVersion, kind, metadata: { name, ...(scoped ? { namespace } : {}) }, ...body }) as KubeObject;
  const isDefault = (annotation: string) => ({ annotations: { [annotation]: 'true' } });
  const claim = `${app}-data`;
  return [
    object('v1', 'Service', app, { spec: { selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } }),
    { ...object('networking.k8s.io/v1', 'IngressClass', 'nginx', { spec: { controller: 'k8s.io/ingress-nginx' } }, false), metadata: { name: 'nginx', ...isDefault('ingressclass.kubernetes.io/is-default-class') } },
    object('networking.k8s.io/v1', 'Ingress', app, {
      spec: { ingressClassName: 'nginx', rules: [{ host: `${app}.example.test`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: app, port: { number: 80 } } } }] } }] },
    }),
    object('networking.k8s.io/v1', 'NetworkPolicy', `${app}-ingress`, {
      spec: { podSelector: selector, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } }], ports: [{ protocol: 'TCP', port: 8080 }] }] },
    }),
    object('autoscaling/v2', 'HorizontalPodAutoscaler', app, {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }] },
    }),
    object('policy/v1', 'PodDisruptionBudget', app, { spec: { minAvailable: 1, selector } }),
    { ...object('storage.k8s.io/v1', 'StorageClass', 'standard', { provisioner: 'sim.kube-workbench.io/hostpath', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' }, false), metadata: { name: 'standard', ...isDefault('storageclass.kubernetes.io/is-default-class') } },
    object('v1', 'PersistentVolume', `pv-${claim}`, {
      spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', hostPath: { path: `/var/lib/sim/${claim}` }, claimRef: { kind: 'PersistentVolumeClaim', namespace, name: claim } },
      status: { phase: 'Bound' },
    }, false),
    object('v1', 'PersistentVolumeClaim', claim, {
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', volumeName: `pv-${claim}`, resources: { requests: { storage: '10Gi' } } },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
    }),
    object('scheduling.k8s.io/v1', 'PriorityClass', 'batch-low', { value: 1000, preemptionPolicy: 'Never', description: 'batch work that waits rather than evicts' }, false),
    object('v1', 'ServiceAccount', app, {}),
    // Fake values: the Explorer shows a Secret's type and key count only.
    object('v1', 'Secret', `${app}-credentials`, { type: 'Opaque', data: { username: Buffer.from('demo').toString('base64'), password: Buffer.from('not-a-real-password').toString('base64') } }),
    object('rbac.authorization.k8s.io/v1', 'Role', `${app}-reader`, { rules: [{ apiGroups: [''], resources: ['configmaps', 'pods'], verbs: ['get', 'list', 'watch'] }] }),
    object('rbac.authorization.k8s.io/v1', 'RoleBinding', `${app}-reader`, {
      subjects: [{ kind: 'ServiceAccount', name: app, namespace }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${app}-reader` },
    }),
    object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'kube-workbench-viewer', { rules: [{ apiGroups: [''], resources: ['nodes', 'namespaces'], verbs: ['get', 'list', 'watch'] }] }, false),
    object('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'kube-workbench-viewers', {
      subjects: [{ kind: 'Group', name: 'kube-workbench:viewers', apiGroup: 'rbac.authorization.k8s.io' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'kube-workbench-viewer' },
    }, false),
  ];
}

/** Writes the showcase into the store, each object defaulted as the API server would. */
export function seedShowcase(store: Store, namespace: string, app: string): void {
  let nextIp = 0;
  for (const object of showcaseObjects(namespace, app)) {
    const type = builtinTypes.find((candidate) => candidate.kind === object.kind && apiVersionOf(candidate) === object.apiVersion && candidate.virtual !== true);
    if (type === undefined) throw new Error(`showcase: no served type for ${object.apiVersion} ${object.kind}`);
    // Created statuses stand: the sim binds no volumes, so the claim and its volume are written bound.
    const { status } = object;
    applyDefaults(type, object, { allocateIp: () => `10.96.200.${(nextIp += 1)}` });
    store.create(type, status === undefined ? object : { ...object, status });
  }
}
