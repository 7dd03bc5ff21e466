/** Defaulting on create, as the API server's per-kind defaulters do (only the fields clients read back). */
import type { Job, KubeObject, Pod } from './objects.ts';
import { isObject } from './objects.ts';
import { policyDefaulters } from './defaults-policy.ts';
import type { ResourceType } from './resources.ts';
import { invalid } from './status.ts';

type Defaulter = (object: KubeObject, type: ResourceType, context: DefaultContext) => void;

export interface DefaultContext {
  /** Next free ClusterIP, for Services. */
  readonly allocateIp: () => string;
}

function spec(object: KubeObject): Record<string, unknown> {
  if (!isObject(object['spec'])) object['spec'] = {};
  return object['spec'] as Record<string, unknown>;
}

function podSpec(type: ResourceType, pod: Record<string, unknown>, field: string, name: string): void {
  const containers = pod['containers'];
  if (!Array.isArray(containers) || containers.length === 0) {
    throw invalid(type, name, [{ reason: 'FieldValueRequired', field: `${field}.containers`, message: 'Required value' }]);
  }
  const unnamed = containers.findIndex((container) => !isObject(container) || typeof container['name'] !== 'string' || container['name'] === '');
  if (unnamed >= 0) throw invalid(type, name, [{ reason: 'FieldValueRequired', field: `${field}.containers[${unnamed}].name`, message: 'Required value' }]);
  pod['restartPolicy'] ??= 'Always';
  pod['dnsPolicy'] ??= 'ClusterFirst';
  pod['schedulerName'] ??= 'default-scheduler';
  pod['terminationGracePeriodSeconds'] ??= 30;
}

function template(object: KubeObject, type: ResourceType): Record<string, unknown> {
  const value = spec(object)['template'];
  if (!isObject(value) || !isObject(value['spec'])) {
    throw invalid(type, object.metadata.name ?? '', [{ reason: 'FieldValueRequired', field: 'spec.template', message: 'Required value' }]);
  }
  return value;
}

function replicated(object: KubeObject, type: ResourceType): void {
  const body = spec(object);
  body['replicas'] ??= 1;
  const pod = template(object, type);
  podSpec(type, pod['spec'] as Record<string, unknown>, 'spec.template.spec', object.metadata.name ?? '');
  const labels = (pod['metadata'] as { labels?: Record<string, string> } | undefined)?.labels ?? {};
  const selector = body['selector'] as { matchLabels?: Record<string, string> } | undefined;
  const wanted = selector?.matchLabels ?? {};
  if (selector === undefined || Object.entries(wanted).some(([key, value]) => labels[key] !== value)) {
    throw invalid(type, object.metadata.name ?? '', [
      { reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels', message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\`` },
    ]);
  }
}

const defaulters: Record<string, Defaulter> = {
  '/pods': (object, type) => {
    const pod = object as Pod;
    podSpec(type, spec(object), 'spec', object.metadata.name ?? '');
    pod.status = { phase: 'Pending', qosClass: 'BestEffort', ...pod.status };
  },
  '/namespaces': (object) => {
    spec(object)['finalizers'] ??= ['kubernetes'];
    object['status'] = { phase: 'Active' };
  },
  '/services': (object, _type, context) => {
    const body = spec(object);
    body['type'] ??= 'ClusterIP';
    body['sessionAffinity'] ??= 'None';
    if (body['clusterIP'] === undefined) {
      const ip = context.allocateIp();
      body['clusterIP'] = ip;
      body['clusterIPs'] = [ip];
    }
    const ports = Array.isArray(body['ports']) ? (body['ports'] as Record<string, unknown>[]) : [];
    for (const port of ports) {
      port['protocol'] ??= 'TCP';
      port['targetPort'] ??= port['port'];
    }
  },
  '/secrets': (object) => {
    object['type'] ??= 'Opaque';
  },
  'apps/deployments': (object, type) => {
    replicated(object, type);
    const body = spec(object);
    body['strategy'] ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
    body['revisionHistoryLimit'] ??= 10;
    body['progressDeadlineSeconds'] ??= 600;
  },
  'apps/replicasets': replicated,
  'apps/statefulsets': replicated,
  'apps/daemonsets': (object, type) => {
    const body = spec(object);
    podSpec(type, template(object, type)['spec'] as Record<string, unknown>, 'spec.template.spec', object.metadata.name ?? '');
    body['updateStrategy'] ??= { type: 'RollingUpdate' };
  },
  'batch/jobs': (object, type) => defaultJob(type, object as Job),
  'batch/cronjobs': (object) => {
    const body = spec(object);
    body['concurrencyPolicy'] ??= 'Allow';
    body['suspend'] ??= false;
    body['successfulJobsHistoryLimit'] ??= 3;
    body['failedJobsHistoryLimit'] ??= 1;
  },
  ...policyDefaulters,
};

/** Job defaults, including the controller-uid selector the Job controller adds (batch/v1 manualSelector off). */
function defaultJob(type: ResourceType, job: Job): void {
  const uid = job.metadata.uid ?? '';
  const body = job.spec;
  const pod = template(job, type) as unknown as Job['spec']['template'];
  podSpec(type, pod.spec, 'spec.template.spec', job.metadata.name ?? '');
  if (pod.spec.restartPolicy === 'Always') {
    throw invalid(type, job.metadata.name ?? '', [
      { reason: 'FieldValueNotSupported', field: 'spec.template.spec.restartPolicy', message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"' },
    ]);
  }
  if (body.completions === undefined && body.parallelism === undefined) body.completions = 1;
  body.parallelism ??= 1;
  body.backoffLimit ??= 6;
  body['completionMode'] ??= 'NonIndexed';
  body.suspend ??= false;
  const name = job.metadata.name ?? '';
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  body.selector ??= { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  pod.metadata = { ...pod.metadata, labels: { ...pod.metadata?.labels, ...labels } };
  job.metadata.labels = { ...labels, ...job.metadata.labels };
}

export function applyDefaults(type: ResourceType, object: KubeObject, context: DefaultContext): void {
  object.metadata.generation = 1;
  defaulters[`${type.group}/${type.plural}`]?.(object, type, context);
}
