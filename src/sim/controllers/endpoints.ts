/**
 * The endpoints and endpointslice controllers in one: for each Service with a selector, an
 * Endpoints object of its name and one EndpointSlice (`kubernetes.io/service-name`) listing the
 * selected pods that have an IP, ready or not, on the Service's target ports.
 */
import type { KubeObject, Pod } from '../objects.ts';
import { randomSuffix } from '../names.ts';
import type { ControllerEnvironment } from './environment.ts';
import { modify, ownerReference } from './environment.ts';
import { isReady } from './replicaset.ts';
import { runSelecting, selectedPods } from './selecting.ts';

const serviceNameLabel = 'kubernetes.io/service-name';
const managedByLabel = 'endpointslice.kubernetes.io/managed-by';
const managedBy = 'endpointslice-controller.k8s.io';

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

function selectorOf(service: KubeObject): Record<string, string> | undefined {
  const selector = (service['spec'] as { selector?: Record<string, string> } | undefined)?.selector;
  return selector === undefined || Object.keys(selector).length === 0 ? undefined : selector;
}

const selects = (service: KubeObject, pod: Pod): boolean => {
  const selector = selectorOf(service);
  return selector !== undefined && Object.entries(selector).every(([key, value]) => pod.metadata.labels?.[key] === value);
};

/** A named targetPort is looked up among the pod's container ports; unknown names drop the port. */
function targetPort(port: ServicePort, pod: Pod): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  for (const container of pod.spec.containers) {
    const found = (container['ports'] as { name?: string; containerPort: number }[] | undefined)?.find((each) => each.name === target);
    if (found !== undefined) return found.containerPort;
  }
  return undefined;
}

function portsOf(service: KubeObject, pods: readonly Pod[]): { name?: string; port: number; protocol: string }[] {
  const ports = ((service['spec'] as { ports?: ServicePort[] } | undefined)?.ports ?? []);
  const first = pods[0];
  return ports.flatMap((port) => {
    const number = first === undefined ? (typeof port.targetPort === 'number' ? port.targetPort : port.port) : targetPort(port, first);
    return number === undefined ? [] : [{ ...(port.name === undefined || port.name === '' ? {} : { name: port.name }), port: number, protocol: port.protocol ?? 'TCP' }];
  });
}

const targetRef = (pod: Pod): Record<string, unknown> => ({ kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid });

export class EndpointsController {
  private readonly environment: ControllerEnvironment;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    runSelecting(environment, 'endpoints', environment.types.service, selects, (service, where) => this.sync(service, where.namespace, where.name));
  }

  private sync(service: KubeObject | undefined, namespace: string | undefined, name: string): void {
    const { store, types } = this.environment;
    // A Service's EndpointSlices go with it through their ownerReference; its Endpoints are deleted here.
    if (service === undefined || selectorOf(service) === undefined) {
      if (service === undefined && store.get(types.endpoints, namespace, name) !== undefined) store.delete(types.endpoints, namespace, name);
      return;
    }
    const pods = selectedPods(this.environment, service, selects).filter((pod) => (pod.status?.podIP ?? '') !== '');
    const ports = portsOf(service, pods);
    this.writeEndpoints(service, pods, ports);
    this.writeSlice(service, pods, ports);
  }

  private writeEndpoints(service: KubeObject, pods: readonly Pod[], ports: ReturnType<typeof portsOf>): void {
    const { store, types } = this.environment;
    const address = (pod: Pod): Record<string, unknown> => ({ ip: pod.status?.podIP, nodeName: pod.spec.nodeName, targetRef: targetRef(pod) });
    const ready = pods.filter(isReady).map(address);
    const notReady = pods.filter((pod) => !isReady(pod)).map(address);
    const subsets = pods.length === 0 ? [] : [{ ...(ready.length > 0 ? { addresses: ready } : {}), ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}), ports }];
    const existing = store.get(types.endpoints, service.metadata.namespace, service.metadata.name ?? '');
    if (existing === undefined) {
      this.environment.createObject(types.endpoints, {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: service.metadata.name, namespace: service.metadata.namespace, labels: { ...service.metadata.labels } },
        ...(subsets.length > 0 ? { subsets } : {}),
      });
      return;
    }
    modify(this.environment, types.endpoints, existing, (copy) => {
      if (subsets.length > 0) copy['subsets'] = subsets;
      else delete copy['subsets'];
    });
  }

  private writeSlice(service: KubeObject, pods: readonly Pod[], ports: ReturnType<typeof portsOf>): void {
    const { store, types } = this.environment;
    const endpoints = pods.map((pod) => ({
      addresses: [pod.status?.podIP],
      conditions: { ready: isReady(pod), serving: isReady(pod), terminating: false },
      nodeName: pod.spec.nodeName,
      targetRef: targetRef(pod),
    }));
    const serviceName = service.metadata.name ?? '';
    const existing = [...store.scan(types.endpointSlice, { namespace: service.metadata.namespace })]
      .map(({ object }) => object)
      .find((slice) => slice.metadata.labels?.[serviceNameLabel] === serviceName && slice.metadata.labels[managedByLabel] === managedBy);
    if (existing === undefined) {
      this.environment.createObject(types.endpointSlice, {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: `${serviceName}-${randomSuffix()}`,
          namespace: service.metadata.namespace,
          labels: { ...service.metadata.labels, [serviceNameLabel]: serviceName, [managedByLabel]: managedBy },
          ownerReferences: [ownerReference(service)],
        },
        addressType: 'IPv4',
        endpoints,
        ports,
      });
      return;
    }
    modify(this.environment, types.endpointSlice, existing, (copy) => {
      copy['endpoints'] = endpoints;
      copy['ports'] = ports;
    });
  }
}
