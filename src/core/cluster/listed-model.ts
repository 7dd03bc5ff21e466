// Slim models of the kinds the Explorer lists beside workloads (listed-kinds.ts): identity and the
// row's text, computed once when the object is trimmed, so the cache keeps a few short strings per
// object and nothing of a Secret's payload.
import { bindingSummary, roleSummary, secretSummary, serviceAccountSummary } from './listed-access.ts';
import { hpaSummary, pdbSummary, priorityClassSummary, pvcSummary, pvSummary, storageClassSummary } from './listed-capacity.ts';
import type { ListedKind } from './listed-kinds.ts';
import { ingressClassSummary, ingressSummary, networkPolicySummary } from './listed-network.ts';
import type { Summary } from './listed-text.ts';
import { objectMeta, record, type Json, type ObjectMeta } from './object-fields.ts';

export interface SlimListed extends Summary {
  readonly kind: ListedKind;
  readonly meta: ObjectMeta;
}

const summaries: Readonly<Record<ListedKind, (object: Json) => Summary>> = {
  Ingress: ingressSummary,
  NetworkPolicy: networkPolicySummary,
  HorizontalPodAutoscaler: hpaSummary,
  PodDisruptionBudget: pdbSummary,
  PersistentVolumeClaim: pvcSummary,
  Secret: secretSummary,
  ServiceAccount: serviceAccountSummary,
  Role: roleSummary,
  RoleBinding: bindingSummary,
  ClusterRole: roleSummary,
  ClusterRoleBinding: bindingSummary,
  StorageClass: storageClassSummary,
  PersistentVolume: pvSummary,
  PriorityClass: priorityClassSummary,
  IngressClass: ingressClassSummary,
};

export function slimListed(kind: ListedKind, object: unknown): SlimListed {
  return { kind, meta: objectMeta(object), ...summaries[kind](record(object)) };
}
