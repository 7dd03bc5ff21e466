// The fields the API server fills in when a manifest leaves them out (its per-kind defaulters, and
// what it allocates or generates: a Service's cluster IP, a Job's selector). The bundled schema
// (client-node's models) carries no default values, so this table is the record; the sim's own
// defaulters are checked against it (src/sim/defaults-manifest.test.ts). A value is a constant, or
// read from the field's parent and the object (an image's pull policy follows its tag).

type Json = Record<string, unknown>;

/** The value the server would set here; NOT_DEFAULTED when this field's value is the user's own choice. */
export type DefaultValue = unknown;
export const NOT_DEFAULTED = Symbol('not defaulted');

export interface DefaultEntry {
  /** Field names from the object's root; '*' for every item of a list. */
  readonly path: readonly string[];
  readonly value: DefaultValue | ((parent: Json, root: Json) => DefaultValue);
}

/** A dotted path, or the names themselves when one holds a dot (a label key). */
const entry = (path: string | readonly string[], value: DefaultEntry['value']): DefaultEntry => ({ path: typeof path === 'string' ? path.split('.') : path, value });

/** kubelet's image pull default: Always for :latest or no tag, else IfNotPresent (digests included). */
function pullPolicy(container: Json): string {
  const image = typeof container['image'] === 'string' ? container['image'] : '';
  if (image.includes('@')) return 'IfNotPresent';
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function containerDefaults(prefix: string): DefaultEntry[] {
  return [
    entry(`${prefix}.*.terminationMessagePath`, '/dev/termination-log'),
    entry(`${prefix}.*.terminationMessagePolicy`, 'File'),
    entry(`${prefix}.*.imagePullPolicy`, pullPolicy),
    entry(`${prefix}.*.resources`, {}),
    entry(`${prefix}.*.ports.*.protocol`, 'TCP'),
  ];
}

/** A pod spec's defaults, under `template` (the pod template's path; '' for a Pod). */
function podDefaults(template: string): DefaultEntry[] {
  const spec = template === '' ? 'spec' : `${template}.spec`;
  return [
    ...(template === '' ? [] : [entry(`${template}.metadata.creationTimestamp`, null)]),
    entry(`${spec}.restartPolicy`, 'Always'),
    entry(`${spec}.dnsPolicy`, 'ClusterFirst'),
    entry(`${spec}.schedulerName`, 'default-scheduler'),
    entry(`${spec}.terminationGracePeriodSeconds`, 30),
    entry(`${spec}.securityContext`, {}),
    ...containerDefaults(`${spec}.containers`),
    ...containerDefaults(`${spec}.initContainers`),
  ];
}

const revisionHistory = entry('spec.revisionHistoryLimit', 10);
const replicas = entry('spec.replicas', 1);

/** The selector and labels the Job controller generates from the Job's uid and name (manualSelector off). */
function jobGenerated(): DefaultEntry[] {
  const labelsOf = (spec: Json): Json => ((((spec['template'] as Json | undefined)?.['metadata'] as Json | undefined)?.['labels'] as Json | undefined) ?? {});
  const selector = (spec: Json): DefaultValue =>
    spec['manualSelector'] === true ? NOT_DEFAULTED : { matchLabels: { 'batch.kubernetes.io/controller-uid': labelsOf(spec)['batch.kubernetes.io/controller-uid'] } };
  // On the Job and on its pod template alike.
  const labels = (key: string, value: (labels: Json, root: Json) => DefaultValue): DefaultEntry[] =>
    [['metadata'], ['spec', 'template', 'metadata']].map((at) => entry([...at, 'labels', key], value));
  const own = (key: string) => (labels: Json): DefaultValue => labels[key];
  const jobName = (_: Json, root: Json): DefaultValue => (root['metadata'] as Json | undefined)?.['name'];
  return [
    entry('spec.selector', selector),
    ...labels('controller-uid', own('controller-uid')),
    ...labels('batch.kubernetes.io/controller-uid', own('batch.kubernetes.io/controller-uid')),
    ...labels('job-name', jobName),
    ...labels('batch.kubernetes.io/job-name', jobName),
  ];
}

const jobDefaults = (spec: string): DefaultEntry[] => [
  entry(`${spec}.parallelism`, 1),
  entry(`${spec}.completions`, 1),
  entry(`${spec}.backoffLimit`, 6),
  entry(`${spec}.completionMode`, 'NonIndexed'),
  entry(`${spec}.suspend`, false),
  entry(`${spec}.podReplacementPolicy`, 'TerminatingOrFailed'),
  entry(`${spec}.manualSelector`, false),
];

/** Per `apiVersion kind`. */
export const SERVER_DEFAULTS: Readonly<Record<string, readonly DefaultEntry[]>> = {
  'v1 Pod': [...podDefaults(''), entry('spec.enableServiceLinks', true), entry('spec.preemptionPolicy', 'PreemptLowerPriority'), entry('spec.priority', 0)],
  'v1 Service': [
    entry('spec.type', 'ClusterIP'),
    entry('spec.sessionAffinity', 'None'),
    entry('spec.internalTrafficPolicy', 'Cluster'),
    entry('spec.ipFamilyPolicy', 'SingleStack'),
    entry('spec.ipFamilies', ['IPv4']),
    entry('spec.ports.*.protocol', 'TCP'),
    entry('spec.ports.*.targetPort', (port: Json) => port['port']),
    // Allocated: a manifest that pins them could not be applied to another cluster. "None" (headless) is the user's.
    entry('spec.clusterIP', (spec: Json) => (spec['clusterIP'] === 'None' ? NOT_DEFAULTED : spec['clusterIP'])),
    entry('spec.clusterIPs', (spec: Json) => (spec['clusterIP'] === 'None' ? NOT_DEFAULTED : spec['clusterIPs'])),
  ],
  'v1 Secret': [entry('type', 'Opaque')],
  'v1 Namespace': [entry('spec.finalizers', ['kubernetes'])],
  'v1 PersistentVolumeClaim': [entry('spec.volumeMode', 'Filesystem')],
  'v1 PersistentVolume': [entry('spec.persistentVolumeReclaimPolicy', 'Retain'), entry('spec.volumeMode', 'Filesystem')],
  'storage.k8s.io/v1 StorageClass': [entry('reclaimPolicy', 'Delete'), entry('volumeBindingMode', 'Immediate')],
  'scheduling.k8s.io/v1 PriorityClass': [entry('preemptionPolicy', 'PreemptLowerPriority')],
  'autoscaling/v2 HorizontalPodAutoscaler': [entry('spec.minReplicas', 1)],
  'apps/v1 Deployment': [
    replicas,
    revisionHistory,
    entry('spec.progressDeadlineSeconds', 600),
    entry('spec.strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }),
    ...podDefaults('spec.template'),
  ],
  'apps/v1 ReplicaSet': [replicas, ...podDefaults('spec.template')],
  'apps/v1 StatefulSet': [
    replicas,
    revisionHistory,
    entry('spec.podManagementPolicy', 'OrderedReady'),
    entry('spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }),
    entry('spec.persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' }),
    ...podDefaults('spec.template'),
  ],
  'apps/v1 DaemonSet': [
    revisionHistory,
    // The API server's full default, and the sim's shorter one.
    entry('spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }),
    entry('spec.updateStrategy', { type: 'RollingUpdate' }),
    ...podDefaults('spec.template'),
  ],
  'batch/v1 Job': [...jobDefaults('spec'), ...jobGenerated(), ...podDefaults('spec.template')],
  'batch/v1 CronJob': [
    entry('spec.concurrencyPolicy', 'Allow'),
    entry('spec.suspend', false),
    entry('spec.successfulJobsHistoryLimit', 3),
    entry('spec.failedJobsHistoryLimit', 1),
    entry('spec.jobTemplate.metadata.creationTimestamp', null),
    ...jobDefaults('spec.jobTemplate.spec'),
    ...podDefaults('spec.jobTemplate.spec.template'),
  ],
};
