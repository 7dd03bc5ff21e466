// Row text of networking objects: an Ingress's hosts and the Services behind them, a NetworkPolicy's
// pods and directions, an IngressClass's controller.
import { array, record, text, type Json } from './object-fields.ts';
import { cappedNotes, firstOf, intOrString, parts, selectorText, type Summary } from './listed-text.ts';

/** "web:80" for a backend's Service and port (number or name); a resource backend by its kind. */
function backendText(backend: unknown): string {
  const source = record(backend);
  const service = record(source['service']);
  if (text(service['name']) !== '') {
    const port = record(service['port']);
    const number = intOrString(port['number']) || text(port['name']);
    return number === '' ? text(service['name']) : `${text(service['name'])}:${number}`;
  }
  const resource = record(source['resource']);
  return text(resource['kind']) === '' ? '' : `${text(resource['kind'])} ${text(resource['name'])}`;
}

const serviceOf = (backend: unknown): string => text(record(record(backend)['service'])['name']);

export function ingressSummary(object: Json): Summary {
  const spec = record(object['spec']);
  const rules = array(spec['rules']).map(record);
  const hosts = [...new Set(rules.map((rule) => text(rule['host']) || '*'))];
  const paths = rules.flatMap((rule) => array(record(rule['http'])['paths']).map((path) => ({ host: text(rule['host']) || '*', path: record(path) })));
  const services = [...new Set([spec['defaultBackend'], ...paths.map(({ path }) => path['backend'])].map(serviceOf).filter((name) => name !== ''))];
  const detail = hosts.length === 0 && services.length === 0 ? 'no rules' : `${firstOf(hosts.length === 0 ? ['*'] : hosts, 2)} → ${services.length === 0 ? 'no service' : firstOf(services, 2)}`;
  const lines = paths.map(({ host, path }) => `${host}${text(path['path']) || '/'}${text(path['pathType']) === '' ? '' : ` (${text(path['pathType'])})`} → ${backendText(path['backend']) || 'no backend'}`);
  if (Object.keys(record(spec['defaultBackend'])).length > 0) lines.push(`default → ${backendText(spec['defaultBackend'])}`);
  const tls = array(spec['tls']).flatMap((entry) => array(record(entry)['hosts']).map(text));
  const addresses = array(record(record(object['status'])['loadBalancer'])['ingress']).map((entry) => text(record(entry)['ip']) || text(record(entry)['hostname']));
  return {
    detail,
    notes: [
      ...(text(spec['ingressClassName']) === '' ? [] : [`class ${text(spec['ingressClassName'])}`]),
      ...cappedNotes(lines),
      ...(tls.length === 0 ? [] : [`TLS for ${firstOf(tls, 4)}`]),
      ...(addresses.length === 0 ? [] : [`address ${firstOf(addresses.filter((address) => address !== ''), 3)}`]),
    ],
  };
}

/** One rule's peers and ports: "from app=frontend, namespaces team=b, 10.0.0.0/8 · ports TCP/80". */
function ruleText(rule: Json, peersField: 'from' | 'to'): string {
  const peers = array(rule[peersField]).map(record).map((peer) => {
    const block = record(peer['ipBlock']);
    if (text(block['cidr']) !== '') return array(block['except']).length > 0 ? `${text(block['cidr'])} except ${array(block['except']).map(text).join(',')}` : text(block['cidr']);
    const pods = peer['podSelector'] === undefined ? '' : selectorText(peer['podSelector']) || 'all pods';
    const namespaces = peer['namespaceSelector'] === undefined ? '' : `namespaces ${selectorText(peer['namespaceSelector']) || 'all'}`;
    return [namespaces, pods].filter((part) => part !== '').join(' / ');
  });
  const ports = array(rule['ports']).map(record).map((port) => `${text(port['protocol']) || 'TCP'}/${intOrString(port['port']) || 'any'}`);
  return parts(`${peersField} ${peers.length === 0 ? 'anywhere' : peers.join(', ')}`, ports.length === 0 ? '' : `ports ${ports.join(',')}`);
}

export function networkPolicySummary(object: Json): Summary {
  const spec = record(object['spec']);
  const ingress = array(spec['ingress']).map(record);
  const egress = array(spec['egress']).map(record);
  const declared = array(spec['policyTypes']).map(text);
  // Without policyTypes, a policy is Ingress, and Egress too when it has egress rules.
  const types = declared.length > 0 ? declared : ['Ingress', ...(egress.length > 0 ? ['Egress'] : [])];
  const selector = selectorText(spec['podSelector']);
  const directions = types.map((type) => {
    const rules = type === 'Egress' ? egress : ingress;
    return rules.length === 0 ? [`denies all ${type.toLowerCase()}`] : rules.map((rule, index) => `${type.toLowerCase()} ${index + 1}: ${ruleText(rule, type === 'Egress' ? 'to' : 'from')}`);
  });
  return { detail: parts(selector === '' ? 'all pods' : `pods ${selector}`, types.join(', ')), notes: cappedNotes(directions.flat()) };
}

export function ingressClassSummary(object: Json): Summary {
  const spec = record(object['spec']);
  const isDefault = record(record(object['metadata'])['annotations'])['ingressclass.kubernetes.io/is-default-class'] === 'true';
  return { detail: parts(isDefault ? 'default' : '', text(spec['controller'])), notes: [`controller ${text(spec['controller']) || 'not set'}`] };
}
