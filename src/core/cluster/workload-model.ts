// Slim models of the namespaced objects the Explorer lists under Workloads: Deployments, StatefulSets,
// DaemonSets, Jobs, CronJobs, Services, ConfigMaps (and custom resources, by name only).
import { fitPodFromSpec } from '../allocator/fit-input.ts';
import { toNumber } from '../allocator/quantity.ts';
import { workloadTemplate } from '../allocator/workload-template.ts';
import { array, integer, objectMeta, record, text, timestamp, type Json, type ObjectMeta } from './object-fields.ts';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'Service' | 'ConfigMap';

export interface SlimWorkload {
  readonly kind: WorkloadKind;
  readonly meta: ObjectMeta;
  /** Replicas wanted (Deployment, StatefulSet: spec.replicas; DaemonSet: desiredNumberScheduled; Job: completions). */
  readonly desired: number;
  /** Replicas ready (Job: succeeded pods). */
  readonly ready: number;
  /** Job: pods running now and pods failed so far. */
  readonly active: number;
  readonly failed: number;
  /** The reason of a Failed condition (Job: BackoffLimitExceeded, DeadlineExceeded), else ''. */
  readonly failure: string;
  /** Job Complete, CronJob suspended: finished or idle on purpose. */
  readonly done: boolean;
  /**
   * Deployment, StatefulSet, DaemonSet: the controller has seen the newest spec and every replica runs
   * it (kubectl rollout status); until then the ready count may still be the old pods'. Others: true.
   */
  readonly updated: boolean;
  /** CronJob schedule; Service type and ports; ConfigMap keys: the one-line detail. */
  readonly detail: string;
  readonly lastScheduleMs: number | undefined;
  /** The app containers of the pod template with their requests (cores, bytes), for right-sizing. */
  readonly containers: readonly ContainerRequests[];
}

export interface ContainerRequests {
  readonly name: string;
  /** Undefined when the container requests none (nor sets a limit the request defaults to). */
  readonly cpu: number | undefined;
  readonly memory: number | undefined;
}

function containerRequests(kind: WorkloadKind, object: unknown): ContainerRequests[] {
  // Items of a list response carry no kind of their own.
  const template = workloadTemplate({ ...record(object), kind });
  if (template === undefined) return [];
  return fitPodFromSpec(template.podSpec).pod.containers.map((container) => ({
    name: container.name ?? '',
    cpu: container.requests['cpu'] === undefined ? undefined : toNumber(container.requests['cpu']),
    memory: container.requests['memory'] === undefined ? undefined : toNumber(container.requests['memory']),
  }));
}

function condition(status: Json, type: string): Json | undefined {
  return array(status['conditions']).map(record).find((entry) => entry['type'] === type && entry['status'] === 'True');
}

/** Whether the controller observed the object's generation and `updatedReplicas` of the new template reach `desired`. */
function rolledOut(source: Json, status: Json, desired: number, updatedReplicas: number): boolean {
  const observed = integer(status['observedGeneration']) >= integer(record(source['metadata'])['generation']);
  // A Deployment's old ReplicaSets still count in status.replicas until their pods are gone.
  const oldGone = status['replicas'] === undefined || integer(status['replicas']) <= updatedReplicas;
  return observed && updatedReplicas >= desired && oldGone;
}

function servicePorts(spec: Json): string {
  return array(spec['ports'])
    .map(record)
    .map((port) => `${integer(port['port'])}${port['protocol'] && port['protocol'] !== 'TCP' ? `/${text(port['protocol'])}` : ''}`)
    .join(',');
}

export function slimWorkload(kind: WorkloadKind, object: unknown): SlimWorkload {
  const source = record(object);
  const spec = record(source['spec']);
  const status = record(source['status']);
  const base: SlimWorkload = {
    kind,
    meta: objectMeta(object),
    desired: 0,
    ready: 0,
    active: 0,
    failed: 0,
    failure: '',
    done: false,
    updated: true,
    detail: '',
    lastScheduleMs: undefined,
    containers: containerRequests(kind, source),
  };
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet': {
      // spec.replicas defaults to 1 when omitted.
      const desired = spec['replicas'] === undefined ? 1 : integer(spec['replicas']);
      return { ...base, desired, ready: integer(status['readyReplicas']), updated: rolledOut(source, status, desired, integer(status['updatedReplicas'])) };
    }
    case 'DaemonSet': {
      const desired = integer(status['desiredNumberScheduled']);
      return { ...base, desired, ready: integer(status['numberReady']), updated: rolledOut(source, status, desired, integer(status['updatedNumberScheduled'])) };
    }
    case 'Job': {
      const failedCondition = condition(status, 'Failed');
      return {
        ...base,
        desired: spec['completions'] === undefined ? 1 : integer(spec['completions']),
        ready: integer(status['succeeded']),
        active: integer(status['active']),
        failed: integer(status['failed']),
        failure: failedCondition === undefined ? '' : text(failedCondition['reason']) || 'Failed',
        done: condition(status, 'Complete') !== undefined,
      };
    }
    case 'CronJob':
      return {
        ...base,
        active: array(status['active']).length,
        done: spec['suspend'] === true,
        detail: text(spec['schedule']),
        lastScheduleMs: timestamp(status['lastScheduleTime']),
      };
    case 'Service':
      return { ...base, detail: [text(spec['type']) || 'ClusterIP', servicePorts(spec)].filter((part) => part !== '').join(' ') };
    case 'ConfigMap': {
      const keys = Object.keys(record(source['data'])).length + Object.keys(record(source['binaryData'])).length;
      return { ...base, detail: `${keys} ${keys === 1 ? 'key' : 'keys'}` };
    }
  }
}
