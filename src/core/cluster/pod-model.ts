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
  /** Why it is not running well, as kubectl's STATUS column shows it: CrashLoopBackOff, Evicted, ... */
  readonly reason: string;
  /** The scheduler's effective request (cores, bytes), as the allocator's fit check computes it. */
  readonly requestCpu: number;
  readonly requestMemoryBytes: number;
}

const phases: readonly PodPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed'];

/** The first waiting/terminated reason of a container, else the pod's own reason (Evicted, ...). */
function statusReason(status: Json, statuses: readonly Json[]): string {
  for (const container of statuses) {
    const state = record(container['state']);
    const reason = text(record(state['waiting'])['reason']) || text(record(state['terminated'])['reason']);
    if (reason !== '' && reason !== 'Completed') return reason;
  }
  return text(status['reason']);
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
    reason: statusReason(status, statuses),
    requestCpu: request.cpu,
    requestMemoryBytes: request.memoryBytes,
  };
}
