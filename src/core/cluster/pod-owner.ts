// The pods of a workload, one level past owner-match.ts: a CronJob's pods name a Job, and that Job (in
// the workload cache) names the CronJob. Matching owners by name prefix let Deployment "web" claim the
// pods of "web-api".
import { podOwnerWorkload } from './owner-match.ts';
import type { SlimPod } from './pod-model.ts';

export interface WorkloadRef {
  readonly kind: string;
  readonly name: string;
}

/** The owner of a Job of the pod's namespace, from the cache. */
export type JobOwner = (job: string) => WorkloadRef | undefined;

const same = (a: WorkloadRef | undefined, b: WorkloadRef): boolean => a?.kind === b.kind && a.name === b.name;

/** The workload that runs a pod: its CronJob when its Job has one; undefined for a bare pod. */
export function podTopWorkload(pod: Pick<SlimPod, 'meta'>, jobOwner: JobOwner): WorkloadRef | undefined {
  const workload = podOwnerWorkload(pod);
  const cronJob = workload?.kind === 'Job' ? jobOwner(workload.name) : undefined;
  return cronJob?.kind === 'CronJob' ? cronJob : workload;
}

/** The pods (of one namespace) that a workload runs, directly or, for a CronJob, through its Jobs; no others. */
export function workloadPods<T extends Pick<SlimPod, 'meta'>>(pods: readonly T[], workload: WorkloadRef, jobOwner: JobOwner): T[] {
  return pods.filter((pod) => {
    const direct = podOwnerWorkload(pod);
    if (direct === undefined) return false;
    return same(direct, workload) || (workload.kind === 'CronJob' && direct.kind === 'Job' && same(jobOwner(direct.name), workload));
  });
}
