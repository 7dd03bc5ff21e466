// The slim pod the cluster service keeps for the Explorer and for node totals.
import { fitPodFromSpec } from '../allocator/fit-input.ts';
import { podRequest } from '../allocator/pod-request.ts';
import { resources } from './node-model.ts';
import { array, integer, objectMeta, record, text, type Json, type ObjectMeta } from './object-fields.ts';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface SlimPod {
  readonly meta: ObjectMeta;
  readonly nodeName: string;
  readonly phase: PodPhase;
  readonly readyContainers: number;
  readonly containers: number;
  readonly restarts: number;
  /** Why it is not running well, as kubectl's STATUS column shows it: CrashLoopBackOff, Evicted, Unschedulable, ... */
  readonly reason: string;
  /** The detail that came with the reason (the scheduler's "0/5 nodes are available: ..."); often ''. */
  readonly message: string;
  /** The scheduler's effective request (cores, bytes), as the allocator's fit check computes it. */
  readonly requestCpu: number;
  readonly requestMemoryBytes: number;
}

const phases: readonly PodPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed'];

/**
 * The first waiting/terminated reason of a container, else the pod's own reason (Evicted, ...), else
 * why it is not scheduled (PodScheduled=False: Unschedulable, with the scheduler's message).
 */
function statusReason(status: Json, statuses: readonly Json[]): { reason: string; message: string } {
  for (const container of statuses) {
    const state = record(container['state']);
    const waiting = record(state['waiting']);
    const terminated = record(state['terminated']);
    const reason = text(waiting['reason']) || text(terminated['reason']);
    if (reason !== '' && reason !== 'Completed') return { reason, message: text(waiting['message']) || text(terminated['message']) };
  }
  if (text(status['reason']) !== '') return { reason: text(status['reason']), message: text(status['message']) };
  const unscheduled = array(status['conditions']).map(record).find((condition) => condition['type'] === 'PodScheduled' && condition['status'] === 'False');
  return unscheduled === undefined ? { reason: '', message: '' } : { reason: text(unscheduled['reason']), message: text(unscheduled['message']) };
}

export function slimPod(object: unknown): SlimPod {
  const spec = record(record(object)['spec']);
  const status = record(record(object)['status']);
  const statuses = array(status['containerStatuses']).map(record);
  const phase = text(status['phase']);
  const request = resources(podRequest(fitPodFromSpec(spec).pod));
  return {
    meta: objectMeta(object),
    nodeName: text(spec['nodeName']),
    phase: (phases as readonly string[]).includes(phase) ? (phase as PodPhase) : 'Unknown',
    readyContainers: statuses.filter((container) => container['ready'] === true).length,
    containers: array(spec['containers']).length,
    restarts: statuses.reduce((sum, container) => sum + integer(container['restartCount']), 0),
    ...statusReason(status, statuses),
    requestCpu: request.cpu,
    requestMemoryBytes: request.memoryBytes,
  };
}
