// The Deployment (and Service) that "Deploy image" creates, built from validated inputs.
import { appLabels, selectorLabels } from './labels.ts';

export interface DeploymentInput {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  readonly replicas: number;
  /** Also makes a Service when set. */
  readonly containerPort?: number;
  readonly requests: { readonly cpu?: string; readonly memory?: string };
}

type Manifest = Record<string, unknown>;

function requestsOf(input: DeploymentInput): Record<string, string> {
  const requests: Record<string, string> = {};
  if (input.requests.cpu) requests['cpu'] = input.requests.cpu;
  if (input.requests.memory) requests['memory'] = input.requests.memory;
  return requests;
}

export function deploymentManifest(input: DeploymentInput): Manifest {
  const requests = requestsOf(input);
  const container: Manifest = {
    name: input.name,
    image: input.image,
    ...(input.containerPort === undefined ? {} : { ports: [{ name: 'http', containerPort: input.containerPort }] }),
    // A memory limit equal to the request: a container past it is OOM-killed instead of starving its node.
    ...(Object.keys(requests).length === 0 ? {} : { resources: { requests, ...(requests['memory'] ? { limits: { memory: requests['memory'] } } : {}) } }),
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: input.name, namespace: input.namespace, labels: appLabels(input.name) },
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: selectorLabels(input.name) },
      template: { metadata: { labels: appLabels(input.name) }, spec: { containers: [container] } },
    },
  };
}

/** A ClusterIP Service in front of the Deployment's named port; undefined without a port. */
export function serviceManifest(input: DeploymentInput): Manifest | undefined {
  if (input.containerPort === undefined) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: input.name, namespace: input.namespace, labels: appLabels(input.name) },
    spec: { selector: selectorLabels(input.name), ports: [{ name: 'http', port: input.containerPort, targetPort: 'http' }] },
  };
}
