/** Table printers for core/v1 kinds, with kubectl 1.32's column names. */
import { ageOf } from '../core/text/age.ts';
import type { KubeObject, Node, Pod } from './objects.ts';
import { conditionOf } from './objects.ts';
import type { Printer } from './tables.ts';

const none = '<none>';

/** The STATUS column: a container's waiting/terminated reason wins over the phase, as kubectl prints. */
export function podStatusReason(pod: Pod): string {
  if (pod.metadata.deletionTimestamp !== undefined) return 'Terminating';
  let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Pending';
  for (const status of pod.status?.containerStatuses ?? []) {
    const waiting = status.state['waiting']?.['reason'];
    const terminated = status.state['terminated']?.['reason'];
    if (typeof waiting === 'string' && waiting !== '') reason = waiting;
    else if (typeof terminated === 'string' && terminated !== '' && pod.status?.phase !== 'Running') reason = terminated;
  }
  if (pod.spec.nodeName !== undefined && pod.status?.phase === 'Pending' && reason === 'Pending' && (pod.status.containerStatuses ?? []).length === 0) {
    return 'ContainerCreating';
  }
  return reason;
}

const pods: Printer = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  cells: (object, now) => {
    const pod = object as Pod;
    const statuses = pod.status?.containerStatuses ?? [];
    const ready = statuses.filter((status) => status.ready).length;
    const restarts = statuses.reduce((sum, status) => sum + status.restartCount, 0);
    return [
      pod.metadata.name,
      `${ready}/${pod.spec.containers.length}`,
      podStatusReason(pod),
      String(restarts),
      ageOf(pod.metadata.creationTimestamp, now),
      pod.status?.podIP ?? none,
      pod.spec.nodeName ?? none,
      none,
      none,
    ];
  },
};

function nodeStatus(node: Node): string {
  const ready = conditionOf(node.status.conditions, 'Ready');
  const text = ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown';
  return node.spec.unschedulable === true ? `${text},SchedulingDisabled` : text;
}

const nodes: Printer = {
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', priority: 1 },
    { name: 'External-IP', priority: 1 },
    { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 },
    { name: 'Container-Runtime', priority: 1 },
  ],
  cells: (object, now) => {
    const node = object as Node;
    const roles = Object.keys(node.metadata.labels ?? {})
      .filter((label) => label.startsWith('node-role.kubernetes.io/'))
      .map((label) => label.slice('node-role.kubernetes.io/'.length));
    const address = (kind: string): string => node.status.addresses?.find((each) => each.type === kind)?.address ?? none;
    const info = node.status.nodeInfo ?? {};
    return [
      node.metadata.name,
      nodeStatus(node),
      roles.length === 0 ? none : roles.join(','),
      ageOf(node.metadata.creationTimestamp, now),
      info['kubeletVersion'] ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info['osImage'] ?? '',
      info['kernelVersion'] ?? '',
      info['containerRuntimeVersion'] ?? '',
    ];
  },
};

export function field(object: KubeObject, ...path: string[]): unknown {
  let node: unknown = object;
  for (const step of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[step] : undefined;
  return node;
}

function countOf(value: unknown): number {
  return typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
}

function servicePorts(object: KubeObject): string {
  const ports = field(object, 'spec', 'ports');
  if (!Array.isArray(ports) || ports.length === 0) return none;
  return ports.map((port: Record<string, unknown>) => `${String(port['port'])}${port['nodePort'] === undefined ? '' : `:${String(port['nodePort'])}`}/${String(port['protocol'] ?? 'TCP')}`).join(',');
}

export const simple = (columns: string[], cells: (object: KubeObject, now: number) => unknown[]): Printer => ({
  columns: columns.map((name) => ({ name })),
  cells,
});


/** `kubectl get events` columns, for either API's field names (core/v1 or events.k8s.io/v1). */
function eventPrinter(last: string, regarding: string, message: string): Printer {
  return simple(['Last Seen', 'Type', 'Reason', 'Object', 'Message'], (object, now) => [
    ageOf(object[last] ?? object['eventTime'] ?? object.metadata.creationTimestamp, now),
    object['type'],
    object['reason'],
    `${String(field(object, regarding, 'kind') ?? '').toLowerCase()}/${String(field(object, regarding, 'name') ?? '')}`,
    object[message],
  ]);
}
export const coreCells: Record<string, Printer> = {
  '/pods': pods,
  '/nodes': nodes,
  '/namespaces': simple(['Name', 'Status', 'Age'], (object, now) => [object.metadata.name, field(object, 'status', 'phase') ?? 'Active', ageOf(object.metadata.creationTimestamp, now)]),
  '/services': {
    columns: [{ name: 'Name' }, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, { name: 'Age' }, { name: 'Selector', priority: 1 }],
    cells: (object, now) => {
      const selector = field(object, 'spec', 'selector');
      const selectorText = typeof selector === 'object' && selector !== null ? Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`).join(',') : none;
      return [object.metadata.name, field(object, 'spec', 'type') ?? 'ClusterIP', field(object, 'spec', 'clusterIP') ?? none, none, servicePorts(object), ageOf(object.metadata.creationTimestamp, now), selectorText || none];
    },
  },
  '/configmaps': simple(['Name', 'Data', 'Age'], (object, now) => [object.metadata.name, countOf(object['data']) + countOf(object['binaryData']), ageOf(object.metadata.creationTimestamp, now)]),
  '/secrets': simple(['Name', 'Type', 'Data', 'Age'], (object, now) => [object.metadata.name, object['type'] ?? 'Opaque', countOf(object['data']), ageOf(object.metadata.creationTimestamp, now)]),
  '/serviceaccounts': simple(['Name', 'Secrets', 'Age'], (object, now) => [object.metadata.name, Array.isArray(object['secrets']) ? object['secrets'].length : 0, ageOf(object.metadata.creationTimestamp, now)]),
  '/events': eventPrinter('lastTimestamp', 'involvedObject', 'message'),
  'events.k8s.io/events': eventPrinter('deprecatedLastTimestamp', 'regarding', 'note'),
  'coordination.k8s.io/leases': simple(['Name', 'Holder', 'Age'], (object, now) => [object.metadata.name, field(object, 'spec', 'holderIdentity') ?? '', ageOf(object.metadata.creationTimestamp, now)]),
  'apiextensions.k8s.io/customresourcedefinitions': simple(['Name', 'Created At'], (object) => [object.metadata.name, object.metadata.creationTimestamp]),
};
