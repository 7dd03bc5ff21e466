// "Run CronJob now", as `kubectl create job --from=cronjob/NAME`: a Job from the CronJob's template,
// owned by the CronJob (so it is listed and cleaned up with its scheduled runs) and marked manual.
type Manifest = Record<string, unknown>;

const MAX_NAME = 63;

/** `<cronjob>-manual-<time in base 36>`, cut so the Job name still fits a label value. */
export function manualJobName(cronJobName: string, nowMs: number): string {
  const suffix = `-manual-${Math.floor(nowMs / 1000).toString(36)}`;
  return `${cronJobName.slice(0, MAX_NAME - suffix.length).replace(/-+$/, '')}${suffix}`;
}

export function jobFromCronJob(cronJob: Manifest, nowMs: number): Manifest {
  const metadata = (cronJob['metadata'] ?? {}) as { name?: string; namespace?: string; uid?: string };
  const template = ((cronJob['spec'] ?? {}) as { jobTemplate?: { metadata?: Manifest; spec?: Manifest } }).jobTemplate ?? {};
  const templateMetadata = (template.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: manualJobName(metadata.name ?? 'cronjob', nowMs),
      namespace: metadata.namespace,
      labels: templateMetadata.labels ?? {},
      annotations: { ...templateMetadata.annotations, 'cronjob.kubernetes.io/instantiate': 'manual' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: metadata.name, uid: metadata.uid, controller: true }],
    },
    spec: template.spec ?? {},
  };
}
