// Slim models of the namespaced objects the Explorer lists under Workloads: Deployments, StatefulSets,
// DaemonSets, Jobs, CronJobs, Services, ConfigMaps (and custom resources, by name only).
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
  /** CronJob schedule; Service type and ports; ConfigMap keys: the one-line detail. */
  readonly detail: string;
  readonly lastScheduleMs: number | undefined;
}

function condition(status: Json, type: string): Json | undefined {
  return array(status['conditions']).map(record).find((entry) => entry['type'] === type && entry['status'] === 'True');
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
    detail: '',
    lastScheduleMs: undefined,
  };
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
      // spec.replicas defaults to 1 when omitted.
      return { ...base, desired: spec['replicas'] === undefined ? 1 : integer(spec['replicas']), ready: integer(status['readyReplicas']) };
    case 'DaemonSet':
      return { ...base, desired: integer(status['desiredNumberScheduled']), ready: integer(status['numberReady']) };
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
