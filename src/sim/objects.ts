/** The wire shapes the sim reads and writes; only the fields its controllers touch are typed. */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastHeartbeatTime?: string;
  lastProbeTime?: string | null;
  lastUpdateTime?: string;
}

export interface ResourceList {
  cpu?: string;
  memory?: string;
  pods?: string;
  [name: string]: string | undefined;
}

export interface Container {
  name: string;
  image?: string;
  imagePullPolicy?: string;
  command?: string[];
  args?: string[];
  resources?: { requests?: ResourceList; limits?: ResourceList };
  ports?: { containerPort: number; name?: string; protocol?: string }[];
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  [field: string]: unknown;
}

export interface ContainerStatus {
  name: string;
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  started?: boolean;
  state: Record<string, Record<string, unknown> | undefined>;
  lastState?: Record<string, Record<string, unknown> | undefined>;
}

export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: Condition[];
  hostIP?: string;
  podIP?: string;
  startTime?: string;
  reason?: string;
  message?: string;
  containerStatuses?: ContainerStatus[];
  qosClass?: string;
}

export interface Pod extends KubeObject {
  spec: PodSpec;
  status?: PodStatus;
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec: PodSpec;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface Node extends KubeObject {
  spec: { taints?: Taint[]; unschedulable?: boolean; podCIDR?: string; [field: string]: unknown };
  status: {
    capacity?: ResourceList;
    allocatable?: ResourceList;
    conditions?: Condition[];
    addresses?: { type: string; address: string }[];
    nodeInfo?: Record<string, string>;
    [field: string]: unknown;
  };
}

export interface Lease extends KubeObject {
  spec: { holderIdentity?: string; leaseDurationSeconds?: number; renewTime?: string; acquireTime?: string };
}

export interface ReplicatedSpec {
  replicas?: number;
  selector: LabelSelector;
  template: PodTemplate;
  [field: string]: unknown;
}

export interface Deployment extends KubeObject {
  spec: ReplicatedSpec & {
    strategy?: { type?: 'RollingUpdate' | 'Recreate'; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
    paused?: boolean;
    revisionHistoryLimit?: number;
  };
  status?: Record<string, unknown>;
}

export interface ReplicaSet extends KubeObject {
  spec: ReplicatedSpec;
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number; [field: string]: unknown };
}

export interface Job extends KubeObject {
  spec: {
    completions?: number | null;
    parallelism?: number;
    backoffLimit?: number;
    activeDeadlineSeconds?: number;
    ttlSecondsAfterFinished?: number;
    suspend?: boolean;
    selector?: LabelSelector;
    template: PodTemplate;
    [field: string]: unknown;
  };
  status?: {
    active?: number;
    succeeded?: number;
    failed?: number;
    ready?: number;
    startTime?: string;
    completionTime?: string;
    conditions?: Condition[];
    [field: string]: unknown;
  };
}

export interface CronJob extends KubeObject {
  spec: {
    schedule: string;
    suspend?: boolean;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate: { metadata?: ObjectMeta; spec: Job['spec'] };
    [field: string]: unknown;
  };
  status?: { active?: { kind: string; name: string; namespace: string; uid: string; apiVersion: string }[]; lastScheduleTime?: string; lastSuccessfulTime?: string };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy that shares nothing with the stored (immutable) original. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function conditionOf(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

/** Sets a condition, keeping lastTransitionTime when the status does not change. */
export function setCondition(conditions: Condition[], next: Condition, now: string): Condition[] {
  const previous = conditionOf(conditions, next.type);
  const transition = previous !== undefined && previous.status === next.status ? (previous.lastTransitionTime ?? now) : now;
  const merged: Condition = { ...next, lastTransitionTime: transition };
  return previous === undefined ? [...conditions, merged] : conditions.map((each) => (each.type === next.type ? merged : each));
}
