// The slim pod the cluster service keeps for the Explorer and for node totals.
import { fitPodFromSpec } from '../allocator/fit-input.ts';
import { podRequest } from '../allocator/pod-request.ts';
import { resources, type Resources } from './node-model.ts';
import { array, integer, objectMeta, record, text, type Json, type ObjectMeta } from './object-fields.ts';
import { podRuns, type PodRuns } from './pod-runs.ts';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface SlimPod extends PodRuns {
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

type Request = Pick<Resources, 'cpu' | 'memoryBytes'>;

function effectiveRequest(spec: Json): Request {
  return resources(podRequest(fitPodFromSpec(spec).pod));
}

// Characters a quantity can have (quantity.ts' SHAPE): any other string is no quantity and, like an
// absent value, ignored, so it can stand as '?' without changing the request.
const QUANTITY_CHARACTERS = /^[0-9+\-.eEinumkKMGTP]*$/;

function quantityKey(value: unknown): string {
  if (typeof value === 'string') return QUANTITY_CHARACTERS.test(value) ? value : '?';
  return typeof value === 'number' ? `${value}` : '?';
}

/** Everything the effective cpu and memory request depends on, joined by characters no quantity has. */
function requestKey(spec: Json): string {
  let key = '';
  for (const [tag, list] of [['c', spec['containers']], ['i', spec['initContainers']]] as const) {
    for (const entry of array(list)) {
      const container = record(entry);
      const { requests, limits } = record(container['resources']);
      const [request, limit] = [record(requests), record(limits)];
      const sidecar = container['restartPolicy'] === 'Always' ? 'A' : '';
      key += `${tag}${quantityKey(request['cpu'])},${quantityKey(request['memory'])},${quantityKey(limit['cpu'])},${quantityKey(limit['memory'])}${sidecar};`;
    }
  }
  const overhead = record(spec['overhead']);
  return `${key}o${quantityKey(overhead['cpu'])},${quantityKey(overhead['memory'])}`;
}

function trimPod(object: unknown, requestOf: (spec: Json) => Request): SlimPod {
  const spec = record(record(object)['spec']);
  const status = record(record(object)['status']);
  const statuses = array(status['containerStatuses']).map(record);
  const phase = text(status['phase']);
  const request = requestOf(spec);
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
    ...podRuns(spec, statuses),
  };
}

export function slimPod(object: unknown): SlimPod {
  return trimPod(object, effectiveRequest);
}

// Distinct container resource sets are few (a workload's pods share one); a bound keeps a cluster of
// one-off pods from growing the map without end.
const MAX_REMEMBERED_REQUESTS = 10_000;

/**
 * slimPod for a whole cluster: the effective request (exact quantity arithmetic, most of a pod's trim
 * time) is computed once per distinct set of container resources and remembered.
 */
export class PodTrimmer {
  private readonly requests = new Map<string, Request>();

  readonly trim = (object: unknown): SlimPod => trimPod(object, (spec) => this.requestOf(spec));

  private requestOf(spec: Json): Request {
    const key = requestKey(spec);
    const known = this.requests.get(key);
    if (known !== undefined) return known;
    if (this.requests.size >= MAX_REMEMBERED_REQUESTS) this.requests.clear();
    const request = effectiveRequest(spec);
    this.requests.set(key, request);
    return request;
  }
}
