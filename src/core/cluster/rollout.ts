// How far a workload's rollout has come, from its slim model, as `kubectl rollout status` judges it:
// a Deployment, StatefulSet or DaemonSet is done when every replica runs the newest template and is
// ready; a Job when it is Complete, failed when it has a Failed condition. Apply's follow-up reads it.
import type { PodOwnerKind } from './owner-match.ts';
import type { SlimWorkload } from './workload-model.ts';

export interface RolloutState {
  readonly state: 'done' | 'going' | 'failed';
  /** "2/3 ready", "1/1 succeeded", "BackoffLimitExceeded (2 failed)". */
  readonly text: string;
}

const FOLLOWED: ReadonlySet<string> = new Set<PodOwnerKind>(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

/** The kinds whose rollout can be followed: those that run pods of their own. */
export function isRolloutKind(kind: string): kind is PodOwnerKind {
  return FOLLOWED.has(kind);
}

export function rolloutState(workload: SlimWorkload): RolloutState {
  if (workload.kind === 'Job') {
    if (workload.failure !== '') return { state: 'failed', text: `${workload.failure} (${workload.failed} failed)` };
    return { state: workload.done ? 'done' : 'going', text: `${workload.ready}/${workload.desired} succeeded` };
  }
  const ready = `${workload.ready}/${workload.desired} ready`;
  // Until the controller has replaced the old pods, their readiness says nothing of the new template.
  if (!workload.updated) return { state: 'going', text: `${ready}, old pods still being replaced` };
  return { state: workload.ready >= workload.desired ? 'done' : 'going', text: ready };
}
