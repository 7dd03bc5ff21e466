/** Table printers for networking, discovery, Endpoints and RBAC kinds, with kubectl 1.32's columns. */
import { ageOf } from '../core/text/age.ts';
import type { KubeObject } from './objects.ts';
import { field, simple } from './table-cells-core.ts';
import type { Printer } from './tables.ts';

const none = '<none>';

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

/** The first three items, then " + N more...", as the server's printers shorten long lists. */
export function firstThree(items: readonly string[], empty: string, separator = ','): string {
  if (items.length === 0) return empty;
  const shown = items.slice(0, 3).join(separator);
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

/** metav1.FormatLabelSelector: `<none>` for an empty selector. */
export function labelSelectorText(selector: unknown): string {
  if (typeof selector !== 'object' || selector === null) return none;
  const labels = Object.entries((selector as { matchLabels?: Record<string, string> }).matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  const expressions = list((selector as { matchExpressions?: unknown }).matchExpressions).map((each) => {
    const values = Array.isArray(each['values']) ? (each['values'] as string[]).join(',') : '';
    const operator = String(each['operator'] ?? '');
    if (operator === 'Exists') return String(each['key']);
    if (operator === 'DoesNotExist') return `!${String(each['key'])}`;
    return `${String(each['key'])} ${operator === 'In' ? 'in' : 'notin'} (${values})`;
  });
  return [...labels, ...expressions].join(',') || none;
}

function loadBalancerText(object: KubeObject): string {
  return list(field(object, 'status', 'loadBalancer', 'ingress')).map((each) => String(each['ip'] ?? each['hostname'] ?? '')).filter((each) => each !== '').join(',');
}

function ingressHosts(object: KubeObject): string {
  const hosts = list(field(object, 'spec', 'rules')).map((rule) => rule['host']).filter((host): host is string => typeof host === 'string' && host !== '');
  return firstThree(hosts, '*');
}

function endpointsText(object: KubeObject): string {
  const addresses = list(object['subsets']).flatMap((subset) => {
    const ips = list(subset['addresses']).map((address) => String(address['ip']));
    const ports = list(subset['ports']);
    return ports.length === 0 ? ips : ports.flatMap((port) => ips.map((ip) => `${ip}:${String(port['port'])}`));
  });
  return firstThree(addresses, none);
}

const subjectColumns = (kind: string) => (object: KubeObject): string[] => {
  const subjects = list(object['subjects']).filter((subject) => subject['kind'] === kind);
  return subjects.map((subject) => (kind === 'ServiceAccount' ? `${String(subject['namespace'] ?? '')}/${String(subject['name'])}` : String(subject['name'])));
};
const users = subjectColumns('User');
const groups = subjectColumns('Group');
const serviceAccounts = subjectColumns('ServiceAccount');

const binding: Printer = {
  columns: [{ name: 'Name' }, { name: 'Role' }, { name: 'Age' }, { name: 'Users', priority: 1 }, { name: 'Groups', priority: 1 }, { name: 'ServiceAccounts', priority: 1 }],
  cells: (object, now) => [
    object.metadata.name,
    `${String(field(object, 'roleRef', 'kind') ?? '')}/${String(field(object, 'roleRef', 'name') ?? '')}`,
    ageOf(object.metadata.creationTimestamp, now),
    users(object).join(', '),
    groups(object).join(', '),
    serviceAccounts(object).join(', '),
  ],
};

const createdAt = simple(['Name', 'Created At'], (object) => [object.metadata.name, object.metadata.creationTimestamp]);

function ingressClassParameters(object: KubeObject): string {
  const parameters = field(object, 'spec', 'parameters') as Record<string, unknown> | undefined;
  if (parameters === undefined) return none;
  const group = typeof parameters['apiGroup'] === 'string' ? `.${parameters['apiGroup']}` : '';
  return `${String(parameters['kind'])}${group}/${String(parameters['name'])}`;
}

export const networkCells: Record<string, Printer> = {
  'networking.k8s.io/ingresses': simple(['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age'], (object, now) => [
    object.metadata.name,
    field(object, 'spec', 'ingressClassName') ?? none,
    ingressHosts(object),
    loadBalancerText(object),
    list(field(object, 'spec', 'tls')).length > 0 ? '80, 443' : '80',
    ageOf(object.metadata.creationTimestamp, now),
  ]),
  'networking.k8s.io/ingressclasses': simple(['Name', 'Controller', 'Parameters', 'Age'], (object, now) => [
    object.metadata.name,
    field(object, 'spec', 'controller') ?? '',
    ingressClassParameters(object),
    ageOf(object.metadata.creationTimestamp, now),
  ]),
  'networking.k8s.io/networkpolicies': simple(['Name', 'Pod-Selector', 'Age'], (object, now) => [object.metadata.name, labelSelectorText(field(object, 'spec', 'podSelector')), ageOf(object.metadata.creationTimestamp, now)]),
  '/endpoints': simple(['Name', 'Endpoints', 'Age'], (object, now) => [object.metadata.name, endpointsText(object), ageOf(object.metadata.creationTimestamp, now)]),
  'discovery.k8s.io/endpointslices': simple(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age'], (object, now) => [
    object.metadata.name,
    object['addressType'] ?? '',
    firstThree(list(object['ports']).map((port) => String(port['port'] ?? port['name'] ?? '*')), '<unset>'),
    firstThree(list(object['endpoints']).flatMap((endpoint) => (Array.isArray(endpoint['addresses']) ? (endpoint['addresses'] as string[]) : [])), '<unset>'),
    ageOf(object.metadata.creationTimestamp, now),
  ]),
  'rbac.authorization.k8s.io/roles': createdAt,
  'rbac.authorization.k8s.io/clusterroles': createdAt,
  'rbac.authorization.k8s.io/rolebindings': binding,
  'rbac.authorization.k8s.io/clusterrolebindings': binding,
};
