// The pod template and replica count of a workload object, for every kind that runs pods.
export interface WorkloadTemplate {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** The pod spec the controller stamps out. */
  readonly podSpec: unknown;
  /** How many pods run at once: spec.replicas (default 1), a Job's parallelism; undefined for a DaemonSet (one per node). */
  readonly replicas: number | undefined;
  /** Set when the count field holds something other than a whole number ≥ 0 (`replicas` is then 1, the API's default). */
  readonly invalidCount?: { readonly path: string; readonly value: unknown };
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

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The replica count at `path` of the object: 1 when unset, and a note when it is not a count. */
function counted(object: unknown, path: readonly string[]): Pick<WorkloadTemplate, 'replicas' | 'invalidCount'> {
  const value = field(object, ...path);
  if (value === undefined || isCount(value)) return { replicas: value ?? 1 };
  return { replicas: 1, invalidCount: { path: path.join('.'), value } };
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
      return { ...base, podSpec: field(object, 'spec', 'template', 'spec'), ...counted(object, ['spec', 'replicas']) };
    case 'DaemonSet':
      return { ...base, podSpec: field(object, 'spec', 'template', 'spec'), replicas: undefined };
    case 'Job':
      return { ...base, podSpec: field(object, 'spec', 'template', 'spec'), ...counted(object, ['spec', 'parallelism']) };
    case 'CronJob':
      return {
        ...base,
        podSpec: field(object, 'spec', 'jobTemplate', 'spec', 'template', 'spec'),
        ...counted(object, ['spec', 'jobTemplate', 'spec', 'parallelism']),
      };
    default:
      return undefined;
  }
}
