// The Deployment (and Service) that "Deploy image" creates, built from validated inputs.
import { ignoreAnnotation } from '../lint/suppression.ts';
import { appLabels, selectorLabels } from './labels.ts';
import { podSpec, type Requests } from './pod-spec.ts';

export interface DeploymentInput {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  readonly replicas: number;
  /** Also makes a Service and TCP probes when set. */
  readonly containerPort?: number;
  readonly requests: Requests;
}

type Manifest = Record<string, unknown>;

/** A port answers TCP once the app listens: ready then, restarted when it stops answering. */
function probes(): Manifest {
  const tcp = { tcpSocket: { port: 'http' } };
  return { readinessProbe: { ...tcp, periodSeconds: 5 }, livenessProbe: { ...tcp, initialDelaySeconds: 10, periodSeconds: 10 } };
}

export function deploymentManifest(input: DeploymentInput): Manifest {
  const port = input.containerPort;
  const container: Manifest = { name: input.name, image: input.image, ...(port === undefined ? {} : { ports: [{ name: 'http', containerPort: port }], ...probes() }) };
  // Replicas spread over nodes, so one node failure does not take them all; soft, so a one-node cluster still runs them.
  const spread = { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selectorLabels(input.name) } };
  // Without a port there is nothing to probe that would fit every image: the manifest says so rather than guess a command.
  const annotations = port === undefined ? { annotations: { [ignoreAnnotation]: 'no-liveness-probe,no-readiness-probe' } } : {};
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: input.name, namespace: input.namespace, labels: appLabels(input.name), ...annotations },
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: selectorLabels(input.name) },
      template: { metadata: { labels: appLabels(input.name) }, spec: podSpec(container, input.requests, { topologySpreadConstraints: [spread] }) },
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
