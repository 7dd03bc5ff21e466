// The kinds the Explorer lists beside workloads (networking, scaling, storage, access), each watched
// only once a group of it is first expanded. Names only: the Explorer's bundle imports this file.

/** Listed per namespace under Workloads, in this order. */
export const NAMESPACE_KINDS = ['Ingress', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'PersistentVolumeClaim', 'Secret', 'ServiceAccount'] as const;
/** Listed per namespace under Access. */
export const ACCESS_NAMESPACE_KINDS = ['Role', 'RoleBinding'] as const;
/** Cluster-scoped: ClusterRoles and their bindings under Access, the others under Cluster. */
export const ACCESS_CLUSTER_KINDS = ['ClusterRole', 'ClusterRoleBinding'] as const;
export const CLUSTER_KINDS = ['StorageClass', 'PersistentVolume', 'PriorityClass', 'IngressClass'] as const;

export type ListedKind = (typeof NAMESPACE_KINDS)[number] | (typeof ACCESS_NAMESPACE_KINDS)[number] | (typeof ACCESS_CLUSTER_KINDS)[number] | (typeof CLUSTER_KINDS)[number];

export const LISTED_KINDS: readonly ListedKind[] = [...NAMESPACE_KINDS, ...ACCESS_NAMESPACE_KINDS, ...ACCESS_CLUSTER_KINDS, ...CLUSTER_KINDS];

const clusterScoped: ReadonlySet<ListedKind> = new Set<ListedKind>([...ACCESS_CLUSTER_KINDS, ...CLUSTER_KINDS]);

export const isListedKind = (resource: string): resource is ListedKind => (LISTED_KINDS as readonly string[]).includes(resource);

export const isClusterScoped = (kind: ListedKind): boolean => clusterScoped.has(kind);
