// Apply's follow-up: the workloads just applied are followed briefly in the connection's cache
// (follow-until.ts), each ending ready, failed, or stuck in its pods' events' words (stuck-pods.ts:
// FailedScheduling, FailedMount, the registry's pull error); what is still rolling out when the time
// is up is said so, not waited for: the rollout goes on in the cluster.
import { formatObjectName, objectNameOf } from '../../core/cluster/object-ref.ts';
import type { PodOwnerKind } from '../../core/cluster/owner-match.ts';
import { isRolloutKind, rolloutState } from '../../core/cluster/rollout.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import { followUntil } from './follow-until.ts';
import { stuckPod } from './stuck-pods.ts';

/** How long Apply waits for its workloads before it says what it saw. */
export const APPLY_FOLLOW_MS = 20_000;

interface Workload {
  readonly kind: PodOwnerKind;
  readonly namespace: string;
  readonly name: string;
}

export interface RolloutEnd {
  /** "Deployment shop/web". */
  readonly workload: string;
  readonly state: 'done' | 'going' | 'failed' | 'stuck';
  /** "2/2 ready", "0/2 ready, stuck: Unschedulable: 0/3 nodes are available: ... (event FailedScheduling, pod web-1)". */
  readonly text: string;
}

/** The workloads among the objects the server answered the apply with (their namespace filled in). */
export function appliedWorkloads(applied: readonly unknown[]): Workload[] {
  return applied.flatMap((object) => {
    const { kind, namespace, name } = objectNameOf((object ?? {}) as Record<string, unknown>);
    return isRolloutKind(kind) && name !== '' ? [{ kind, namespace, name }] : [];
  });
}

/** Where each workload's rollout stands now; a pod that will not start ends its wait. */
function rollouts(connection: ClusterConnection, workloads: readonly Workload[]): RolloutEnd[] {
  return workloads.map(({ kind, namespace, name }) => {
    const workload = formatObjectName({ kind, namespace, name });
    const live = connection.workloads[kind].get(namespace, name);
    if (live === undefined) return { workload, state: 'going', text: 'not in the cache yet' };
    const { state, text } = rolloutState(live);
    const stuck = state === 'going' ? stuckPod(connection, connection.podsOwnedBy(kind, namespace, name)) : undefined;
    return stuck === undefined ? { workload, state, text } : { workload, state: 'stuck', text: `${text}, stuck: ${stuck.why}` };
  });
}

/** Follows the workloads until each is done, failed or stuck, the brief follow is up, or `signal` aborts. */
export async function followRollouts(connection: ClusterConnection, workloads: readonly Workload[], signal: AbortSignal, report: (message: string) => void, followMs = APPLY_FOLLOW_MS): Promise<RolloutEnd[]> {
  if (workloads.length === 0) return [];
  const kinds = [...new Set(workloads.map(({ kind }) => kind))];
  const judge = (): RolloutEnd[] | undefined => {
    const ends = rollouts(connection, workloads);
    report(ends.map(({ workload, text }) => `${workload}: ${text}`).join(' · '));
    return ends.every(({ state }) => state !== 'going') ? ends : undefined;
  };
  const ended = await followUntil(connection, ['pods', 'events', ...kinds], judge, AbortSignal.any([signal, AbortSignal.timeout(followMs)]));
  if (ended !== undefined) return ended;
  const seconds = Math.round(followMs / 1000);
  return rollouts(connection, workloads).map((end) => (end.state === 'going' ? { ...end, text: `${end.text}, still rolling out after ${seconds} s` } : end));
}

/** One sentence per workload, for the outcome's message. */
export function rolloutSentences(ends: readonly RolloutEnd[]): string {
  return ends.map(({ workload, text }) => ` ${workload}: ${text}.`).join('');
}
