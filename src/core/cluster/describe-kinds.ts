// The kind sections of Describe for workloads, Services, Nodes, Secrets and ConfigMaps, in the order
// and words of `kubectl describe`. Other kinds get the generic field tree (describe-text.ts).
import { describeConditions, describeContainers } from './describe-pod.ts';
import { describedTime } from './describe-time.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { array, record, text, type Json } from './object-fields.ts';

export type KindSection = (writer: DescribeWriter, object: Json, now: number) => void;

const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

function selector(writer: DescribeWriter, spec: Json): void {
  const match = record(record(spec['selector'])['matchLabels']);
  writer.pair('Selector', Object.entries(match).map(([key, value]) => `${key}=${String(value)}`).join(','));
}

function podTemplate(writer: DescribeWriter, spec: Json, now: number): void {
  const template = record(spec['template']);
  writer.block('Pod Template', (inner) => {
    inner.entries('Labels', record(record(template['metadata'])['labels']));
    const podSpec = record(template['spec']);
    if (text(podSpec['serviceAccountName']) !== '') inner.pair('Service Account', text(podSpec['serviceAccountName']));
    describeContainers(inner, podSpec, undefined, now);
  });
}

function deployment(writer: DescribeWriter, object: Json, now: number): void {
  const spec = record(object['spec']);
  const status = record(object['status']);
  selector(writer, spec);
  const replicas = count(status['replicas']);
  writer.pair('Replicas', `${count(spec['replicas'] ?? 1)} desired | ${count(status['updatedReplicas'])} updated | ${replicas} total | ${count(status['availableReplicas'])} available | ${count(status['unavailableReplicas'])} unavailable`);
  const strategy = record(spec['strategy']);
  writer.pair('StrategyType', text(strategy['type']) || 'RollingUpdate');
  writer.pair('MinReadySeconds', count(spec['minReadySeconds']));
  const rolling = record(strategy['rollingUpdate']);
  if (text(strategy['type']) !== 'Recreate') writer.pair('RollingUpdateStrategy', `${String(rolling['maxUnavailable'] ?? '25%')} max unavailable, ${String(rolling['maxSurge'] ?? '25%')} max surge`);
  podTemplate(writer, spec, now);
  describeConditions(writer, array(status['conditions']));
}

function replicated(writer: DescribeWriter, object: Json, now: number): void {
  const spec = record(object['spec']);
  const status = record(object['status']);
  selector(writer, spec);
  if (object['kind'] === 'DaemonSet') {
    writer.pair('Desired Number of Nodes Scheduled', count(status['desiredNumberScheduled']));
    writer.pair('Current Number of Nodes Scheduled', count(status['currentNumberScheduled']));
    writer.pair('Number of Nodes Scheduled with Available Pods', count(status['numberAvailable']));
    writer.pair('Number of Nodes Misscheduled', count(status['numberMisscheduled']));
  } else {
    writer.pair('Replicas', `${count(status['replicas'])} current / ${count(spec['replicas'] ?? 1)} desired`);
    writer.pair('Pods Status', `${count(status['readyReplicas'])} Ready / ${count(status['availableReplicas'])} Available`);
  }
  if (object['kind'] === 'StatefulSet') writer.pair('Update Strategy', text(record(spec['updateStrategy'])['type']) || 'RollingUpdate');
  podTemplate(writer, spec, now);
  describeConditions(writer, array(status['conditions']));
}

function job(writer: DescribeWriter, object: Json, now: number): void {
  const spec = record(object['spec']);
  const status = record(object['status']);
  writer.pair('Parallelism', count(spec['parallelism'] ?? 1));
  writer.pair('Completions', spec['completions'] === undefined ? '<unset>' : count(spec['completions']));
  writer.pair('Completion Mode', text(spec['completionMode']) || 'NonIndexed');
  writer.pair('Backoff Limit', count(spec['backoffLimit'] ?? 6));
  if (text(status['startTime']) !== '') writer.pair('Start Time', describedTime(text(status['startTime']), now));
  if (text(status['completionTime']) !== '') writer.pair('Completed At', describedTime(text(status['completionTime']), now));
  writer.pair('Pods Statuses', `${count(status['active'])} Active / ${count(status['succeeded'])} Succeeded / ${count(status['failed'])} Failed`);
  podTemplate(writer, spec, now);
  describeConditions(writer, array(status['conditions']));
}

function cronJob(writer: DescribeWriter, object: Json, now: number): void {
  const spec = record(object['spec']);
  const status = record(object['status']);
  writer.pair('Schedule', text(spec['schedule']));
  writer.pair('Concurrency Policy', text(spec['concurrencyPolicy']) || 'Allow');
  writer.pair('Suspend', spec['suspend'] === true ? 'True' : 'False');
  writer.pair('Successful Job History Limit', count(spec['successfulJobsHistoryLimit'] ?? 3));
  writer.pair('Failed Job History Limit', count(spec['failedJobsHistoryLimit'] ?? 1));
  writer.pair('Last Schedule Time', text(status['lastScheduleTime']) === '' ? undefined : describedTime(text(status['lastScheduleTime']), now));
  writer.pair('Active Jobs', array(status['active']).map((reference) => text(record(reference)['name'])).join(', '));
  podTemplate(writer, record(record(spec['jobTemplate'])['spec']), now);
}

function service(writer: DescribeWriter, object: Json): void {
  const spec = record(object['spec']);
  writer.entries('Selector', record(spec['selector']));
  writer.pair('Type', text(spec['type']) || 'ClusterIP');
  writer.pair('IP', text(spec['clusterIP']));
  for (const port of array(spec['ports']).map(record)) {
    const name = text(port['name']) || '<unset>';
    writer.pair('Port', `${name}  ${String(port['port'] ?? '')}/${text(port['protocol']) || 'TCP'}`);
    writer.pair('TargetPort', `${String(port['targetPort'] ?? port['port'] ?? '')}/${text(port['protocol']) || 'TCP'}`);
    if (port['nodePort'] !== undefined) writer.pair('NodePort', `${name}  ${String(port['nodePort'])}/${text(port['protocol']) || 'TCP'}`);
  }
  writer.pair('Session Affinity', text(spec['sessionAffinity']) || 'None');
}

function node(writer: DescribeWriter, object: Json, now: number): void {
  const spec = record(object['spec']);
  const status = record(object['status']);
  writer.pair('Taints', array(spec['taints']).map(record).map((taint) => `${text(taint['key'])}${text(taint['value']) === '' ? '' : `=${text(taint['value'])}`}:${text(taint['effect'])}`).join(', '));
  writer.pair('Unschedulable', spec['unschedulable'] === true ? 'true' : 'false');
  const conditions = array(status['conditions']).map(record);
  if (conditions.length > 0) {
    writer.block('Conditions', (inner) => {
      for (const condition of conditions) {
        inner.block(text(condition['type']), (fields) => {
          fields.pair('Status', text(condition['status']));
          fields.pair('LastHeartbeatTime', text(condition['lastHeartbeatTime']) === '' ? undefined : describedTime(text(condition['lastHeartbeatTime']), now));
          fields.pair('Reason', text(condition['reason']));
          fields.pair('Message', text(condition['message']));
        });
      }
    });
  }
  writer.pair('Addresses', array(status['addresses']).map(record).map((address) => `${text(address['type'])}: ${text(address['address'])}`).join(', '));
  for (const [field, label] of [['capacity', 'Capacity'], ['allocatable', 'Allocatable']] as const) {
    writer.block(label, (inner) => inner.fields(record(status[field]), true));
  }
  writer.tree('nodeInfo', status['nodeInfo']);
  writer.pair('PodCIDR', text(spec['podCIDR']));
  writer.pair('ProviderID', text(spec['providerID']));
}

/** kubectl's Secret describe: the type, and each key's size in bytes, never a value. */
function secret(writer: DescribeWriter, object: Json): void {
  writer.pair('Type', text(object['type']) || 'Opaque');
  const data = record(object['data']);
  writer.block('Data', (inner) => {
    for (const [key, value] of Object.entries(data)) inner.pair(key, typeof value === 'string' ? `${decodedBytes(value)} bytes` : 'not base64 text');
  });
}

/** The size of base64 text once decoded, without decoding it. */
function decodedBytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/** Sections by kind; a Secret's reads only sizes from the unredacted object, so it is marked `raw`. */
export const KIND_SECTIONS: Readonly<Record<string, KindSection>> = {
  Deployment: deployment,
  StatefulSet: replicated,
  DaemonSet: replicated,
  ReplicaSet: replicated,
  Job: job,
  CronJob: cronJob,
  Service: service,
  Node: node,
};

export const RAW_SECTIONS: Readonly<Record<string, KindSection>> = { Secret: secret };
