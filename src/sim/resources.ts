/** The resource types the sim serves, as discovery lists them; CRDs add to the catalogue at run time. */
import type { CustomSchema } from './crd-schema.ts';
import type { PrinterColumn } from './crd-table.ts';

export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  /** Subresources served besides the object itself (`log`, `status`, `scale`). */
  readonly subresources: readonly string[];
  /** Computed on read (metrics), never stored. */
  readonly virtual?: boolean;
  /** A custom resource's additionalPrinterColumns (its CRD version's), for its Tables. */
  readonly printerColumns?: readonly PrinterColumn[];
  /** A custom resource's schema (its CRD version's), checked on every write instead of the bundled one. */
  readonly schema?: CustomSchema;
}

const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function type(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  extra: { shortNames?: string[]; subresources?: string[]; verbs?: string[]; categories?: string[]; virtual?: boolean } = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    verbs: extra.verbs ?? allVerbs,
    shortNames: extra.shortNames ?? [],
    categories: extra.categories ?? [],
    subresources: extra.subresources ?? [],
    ...(extra.virtual === true ? { virtual: true } : {}),
  };
}

const all = ['all'];

/** Short names and categories as kube-apiserver 1.32 reports them, so `kubectl get po`/`get all` work. */
export const builtinTypes: readonly ResourceType[] = [
  type('', 'v1', 'Namespace', 'namespaces', false, { shortNames: ['ns'], subresources: ['status'] }),
  type('', 'v1', 'Node', 'nodes', false, { shortNames: ['no'], subresources: ['status'] }),
  type('', 'v1', 'Pod', 'pods', true, { shortNames: ['po'], categories: all, subresources: ['log', 'status', 'eviction', 'portforward', 'exec', 'attach'] }),
  type('', 'v1', 'Service', 'services', true, { shortNames: ['svc'], categories: all, subresources: ['status'] }),
  type('', 'v1', 'ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  type('', 'v1', 'Secret', 'secrets', true),
  type('', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  type('', 'v1', 'ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'], subresources: ['token'] }),
  type('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, { shortNames: ['pvc'], subresources: ['status'] }),
  type('', 'v1', 'PersistentVolume', 'persistentvolumes', false, { shortNames: ['pv'], subresources: ['status'] }),
  type('', 'v1', 'Endpoints', 'endpoints', true, { shortNames: ['ep'] }),
  type('', 'v1', 'ResourceQuota', 'resourcequotas', true, { shortNames: ['quota'], subresources: ['status'] }),
  type('', 'v1', 'LimitRange', 'limitranges', true, { shortNames: ['limits'] }),
  type('apps', 'v1', 'Deployment', 'deployments', true, { shortNames: ['deploy'], categories: all, subresources: ['scale', 'status'] }),
  type('apps', 'v1', 'ReplicaSet', 'replicasets', true, { shortNames: ['rs'], categories: all, subresources: ['scale', 'status'] }),
  type('apps', 'v1', 'StatefulSet', 'statefulsets', true, { shortNames: ['sts'], categories: all, subresources: ['scale', 'status'] }),
  type('apps', 'v1', 'DaemonSet', 'daemonsets', true, { shortNames: ['ds'], categories: all, subresources: ['status'] }),
  type('batch', 'v1', 'Job', 'jobs', true, { categories: all, subresources: ['status'] }),
  type('batch', 'v1', 'CronJob', 'cronjobs', true, { shortNames: ['cj'], categories: all, subresources: ['status'] }),
  type('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  type('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, { shortNames: ['ing'], subresources: ['status'] }),
  type('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  type('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, { shortNames: ['netpol'] }),
  type('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  type('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  type('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  type('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  type('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, { shortNames: ['hpa'], categories: all, subresources: ['status'] }),
  type('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, { shortNames: ['pdb'], subresources: ['status'] }),
  type('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, { shortNames: ['sc'] }),
  type('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, { shortNames: ['pc'] }),
  type('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  // The core Events seen through the newer API (event-view.ts): read-only here.
  type('events.k8s.io', 'v1', 'Event', 'events', true, { shortNames: ['ev'], verbs: ['get', 'list', 'watch'], virtual: true }),
  type('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, {
    shortNames: ['crd', 'crds'],
    subresources: ['status'],
  }),
  type('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, { verbs: ['create'], virtual: true }),
  type('authorization.k8s.io', 'v1', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', false, { verbs: ['create'], virtual: true }),
  type('authentication.k8s.io', 'v1', 'SelfSubjectReview', 'selfsubjectreviews', false, { verbs: ['create'], virtual: true }),
  type('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', false, { verbs: ['get', 'list'], virtual: true }),
  type('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', true, { verbs: ['get', 'list'], virtual: true }),
];

export function typeKey(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return `${type.group}/${type.plural}`;
}

export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** The served types, looked up by URL (group, version, plural) or by manifest (apiVersion, kind). */
export class Catalog {
  private readonly types = new Map<string, ResourceType>();

  constructor(initial: readonly ResourceType[]) {
    for (const each of initial) this.add(each);
  }

  add(resource: ResourceType): void {
    this.types.set(`${apiVersionOf(resource)}/${resource.plural}`, resource);
  }

  remove(resource: ResourceType): void {
    this.types.delete(`${apiVersionOf(resource)}/${resource.plural}`);
  }

  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.types.get(`${apiVersionOf({ group, version })}/${plural}`);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    for (const each of this.types.values()) {
      if (each.kind === kind && apiVersionOf(each) === apiVersion) return each;
    }
    return undefined;
  }

  /** The core type of a kind (`Pod` → pods), for controllers that know only the kind. */
  stored(group: string, plural: string): ResourceType {
    for (const each of this.types.values()) {
      if (each.group === group && each.plural === plural && each.virtual !== true) return each;
    }
    throw new Error(`no stored type ${group}/${plural}`);
  }

  all(): ResourceType[] {
    return [...this.types.values()];
  }
}
