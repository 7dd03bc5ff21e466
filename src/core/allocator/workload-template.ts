// The pod template and replica count of a workload object, for every kind that runs pods.
export interface WorkloadTemplate {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** The pod spec the controller stamps out. */
  readonly podSpec: unknown;
  /** How many pods run at once: spec.replicas (default 1), a Job's parallelism; undefined for a DaemonSet (one per node). */
  readonly replicas: number | undefined;
}

type JsonObject = Readonly<Record<string, unknown>>;

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as JsonObject)[key];
  }
  return current;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 1;
}

/** Undefined for objects that are not workloads (Services, ConfigMaps, ...). */
export function workloadTemplate(object: unknown): WorkloadTemplate | undefined {
  const kind = field(object, 'kind');
  const name = field(object, 'metadata', 'name');
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  const namespaceField = field(object, 'metadata', 'namespace');
  const namespace = typeof namespaceField === 'string' ? namespaceField : 'default';
  const base = { kind, namespace, name };
  switch (kind) {
    case 'Pod':
      return { ...base, podSpec: field(object, 'spec'), replicas: 1 };
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'ReplicationController':
      return { ...base, podSpec: field(object, 'spec', 'template', 'spec'), replicas: count(field(object, 'spec', 'replicas')) };
    case 'DaemonSet':
      return { ...base, podSpec: field(object, 'spec', 'template', 'spec'), replicas: undefined };
    case 'Job':
      return { ...base, podSpec: field(object, 'spec', 'template', 'spec'), replicas: count(field(object, 'spec', 'parallelism')) };
    case 'CronJob':
      return {
        ...base,
        podSpec: field(object, 'spec', 'jobTemplate', 'spec', 'template', 'spec'),
        replicas: count(field(object, 'spec', 'jobTemplate', 'spec', 'parallelism')),
      };
    default:
      return undefined;
  }
}
