// The Pod parts of Describe, laid out as `kubectl describe pod` prints them; a workload's pod
// template reuses the container blocks. Fields come from the redacted copy (describe.ts).
import type { DescribeWriter } from './describe-writer.ts';
import { array, record, text, type Json } from './object-fields.ts';
import { describedTime } from './describe-time.ts';


function ports(container: Json): string {
  const shown = array(container['ports']).map((port) => `${String(record(port)['containerPort'] ?? '')}/${text(record(port)['protocol']) || 'TCP'}`);
  return shown.join(', ');
}

/** "Running" / "Waiting" / "Terminated" with their reasons and times, as kubectl's State block. */
function containerState(writer: DescribeWriter, label: string, state: Json, now: number): void {
  const [phase, details] = Object.entries(state)[0] ?? [];
  if (phase === undefined) return;
  const fields = record(details);
  writer.block(label, (inner) => {
    if (text(fields['reason']) !== '') inner.pair('Reason', text(fields['reason']));
    if (text(fields['message']) !== '') inner.pair('Message', text(fields['message']));
    if (fields['exitCode'] !== undefined) inner.pair('Exit Code', String(fields['exitCode']));
    if (text(fields['startedAt']) !== '') inner.pair('Started', describedTime(text(fields['startedAt']), now));
    if (text(fields['finishedAt']) !== '') inner.pair('Finished', describedTime(text(fields['finishedAt']), now));
  }, `${phase[0]?.toUpperCase() ?? ''}${phase.slice(1)}`);
}

function resourceBlock(writer: DescribeWriter, label: string, values: unknown): void {
  const map = record(values);
  if (Object.keys(map).length > 0) writer.block(label, (inner) => inner.fields(map, true));
}

function environment(writer: DescribeWriter, container: Json): void {
  const env = array(container['env']).map(record);
  if (env.length === 0) {
    writer.pair('Environment', undefined);
    return;
  }
  writer.block('Environment', (inner) => {
    for (const variable of env) {
      const from = record(variable['valueFrom']);
      const source = Object.entries(from)[0];
      const reference = source === undefined ? '' : `<set to the key '${text(record(source[1])['key'])}' of ${source[0].replace(/KeyRef$/, '')} '${text(record(source[1])['name'])}'>`;
      inner.pair(text(variable['name']), source === undefined ? text(variable['value']) : reference);
    }
  });
}

/** One container's block: image, ports, state from the pod's status when given, resources, env, mounts. */
export function describeContainer(writer: DescribeWriter, container: Json, status: Json | undefined, now: number): void {
  writer.block(text(container['name']), (inner) => {
    inner.pair('Image', text(container['image']));
    inner.pair('Port', ports(container));
    if (array(container['command']).length > 0) inner.pair('Command', array(container['command']).map(String).join(' '));
    if (array(container['args']).length > 0) inner.pair('Args', array(container['args']).map(String).join(' '));
    if (status !== undefined) {
      containerState(inner, 'State', record(status['state']), now);
      containerState(inner, 'Last State', record(status['lastState']), now);
      inner.pair('Ready', status['ready'] === true ? 'True' : 'False');
      inner.pair('Restart Count', Number(status['restartCount'] ?? 0));
    }
    resourceBlock(inner, 'Limits', record(container['resources'])['limits']);
    resourceBlock(inner, 'Requests', record(container['resources'])['requests']);
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (container[probe] !== undefined) inner.tree(probe, container[probe]);
    }
    environment(inner, container);
    const mounts = array(container['volumeMounts']).map(record);
    inner.pair('Mounts', mounts.map((mount) => `${text(mount['mountPath'])} from ${text(mount['name'])}${mount['readOnly'] === true ? ' (ro)' : ' (rw)'}`).join(', '));
  });
}

/** The containers (init ones first) of a pod spec, with their statuses when the pod has them. */
export function describeContainers(writer: DescribeWriter, spec: Json, status: Json | undefined, now: number): void {
  for (const [field, statusField, label] of [['initContainers', 'initContainerStatuses', 'Init Containers'], ['containers', 'containerStatuses', 'Containers']] as const) {
    const containers = array(spec[field]).map(record);
    if (containers.length === 0) continue;
    const statuses = status === undefined ? undefined : array(status[statusField]).map(record);
    writer.block(label, (inner) => {
      for (const container of containers) describeContainer(inner, container, statuses?.find((entry) => entry['name'] === container['name']) ?? (statuses === undefined ? undefined : {}), now);
    });
  }
}

/** A conditions table: type and status, with reasons where given. */
export function describeConditions(writer: DescribeWriter, conditions: readonly unknown[]): void {
  if (conditions.length === 0) return;
  const rows = conditions.map(record).map((condition) => [text(condition['type']), text(condition['status']), text(condition['reason'])]);
  const width = rows.reduce((widest, [type]) => Math.max(widest, (type ?? '').length), 4);
  writer.block('Conditions', (inner) => {
    inner.raw(`${'Type'.padEnd(width)}  Status  Reason`);
    inner.raw(`${'----'.padEnd(width)}  ------  ------`);
    for (const [type = '', status = '', reason = ''] of rows) inner.raw(`${type.padEnd(width)}  ${status.padEnd(6)}  ${reason}`.trimEnd());
  });
}

/** The Pod section between the metadata header and the events. */
export function describePod(writer: DescribeWriter, pod: Json, now: number): void {
  const spec = record(pod['spec']);
  const status = record(pod['status']);
  const owner = array(record(pod['metadata'])['ownerReferences']).map(record).find((reference) => reference['controller'] === true);
  writer.pair('Service Account', text(spec['serviceAccountName']));
  writer.pair('Node', text(spec['nodeName']) === '' ? undefined : `${text(spec['nodeName'])}${text(status['hostIP']) === '' ? '' : `/${text(status['hostIP'])}`}`);
  if (text(status['startTime']) !== '') writer.pair('Start Time', describedTime(text(status['startTime']), now));
  writer.pair('Status', record(pod['metadata'])['deletionTimestamp'] === undefined ? text(status['phase']) : 'Terminating');
  if (text(status['reason']) !== '') writer.pair('Reason', text(status['reason']));
  if (text(status['message']) !== '') writer.pair('Message', text(status['message']));
  writer.pair('IP', text(status['podIP']));
  writer.pair('Controlled By', owner === undefined ? undefined : `${text(owner['kind'])}/${text(owner['name'])}`);
  describeContainers(writer, spec, status, now);
  describeConditions(writer, array(status['conditions']));
  if (array(spec['volumes']).length > 0) writer.tree('volumes', spec['volumes']);
  writer.pair('QoS Class', text(status['qosClass']));
  writer.entries('Node-Selectors', record(spec['nodeSelector']));
  writer.pair('Tolerations', array(spec['tolerations']).map(record).map((toleration) => `${text(toleration['key'])}${toleration['operator'] === 'Exists' ? '' : `=${text(toleration['value'])}`}${text(toleration['effect']) === '' ? '' : `:${text(toleration['effect'])}`}`).join(', '));
}
