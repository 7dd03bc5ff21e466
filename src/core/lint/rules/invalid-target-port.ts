import { quoteValue } from '../quote-value.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { podIndex, podsSelectedBy } from '../selectors.ts';
import type { KubeObject, Report, Rule, RuleContext, SetObject } from '../types.ts';
import { asList, asMapping, asText, type Mapping, mappingAt, stringMap, valueAt } from '../values.ts';
import { podKinds, type PodRef } from '../workloads.ts';

function portNames(container: Mapping): string[] {
  return asList(container.ports).flatMap((port) => asText(valueAt(port, 'name')) ?? []);
}

/** The named ports of each pod's app containers (Services route only to those). */
function portsByPod(context: RuleContext): Map<PodRef<SetObject>, string[]> {
  return new Map(context.workloads.pods.map((pod) => [pod, asList(pod.spec.containers).flatMap((container) => portNames(asMapping(container) ?? {}))]));
}

/** A Service's named targetPorts that no container port of the pods it selects names. */
function* serviceChecks(object: KubeObject, context: RuleContext): Iterable<Report> {
  const selector = stringMap(valueAt(object.value, 'spec', 'selector'));
  if (Object.keys(selector).length === 0) return;
  const selected = podsSelectedBy(context.derived(podIndex), object, selector);
  if (selected.length === 0) return;
  const ports = context.derived(portsByPod);
  const names = new Set(selected.flatMap((pod) => ports.get(pod) ?? []));
  for (const port of asList(valueAt(object.value, 'spec', 'ports'))) {
    const target = asText(valueAt(port, 'targetPort'));
    if (target === undefined || names.has(target)) continue;
    yield reportOn(object, rangeIn(object, port, 'targetPort'), `The targetPort ${quoteValue(target)} of ${describe(object)} matches no named container port of the pods it selects.`);
  }
}

/** What is wrong with a probe's port, given the container's declared ports; undefined when nothing is. */
function probePortProblem(port: unknown, container: Mapping): string | undefined {
  const declared = asList(container.ports).map(asMapping);
  const name = asText(port);
  if (name !== undefined) {
    const match = declared.find((entry) => entry?.name === name);
    if (match === undefined) return `uses the port name ${quoteValue(name)}, which the container does not define`;
    return match.protocol === 'UDP' ? `uses the port ${quoteValue(name)}, which the container declares as UDP: probes connect over TCP` : undefined;
  }
  if (typeof port !== 'number') return undefined;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `uses the port ${port}, outside 1-65535`;
  // A number may be any port the process listens on; only one declared for UDP alone is certainly wrong.
  const same = declared.filter((entry) => entry?.containerPort === port);
  return same.length > 0 && same.every((entry) => entry?.protocol === 'UDP') ? `uses the port ${port}, which the container declares as UDP: probes connect over TCP` : undefined;
}

/** The ports of a container's probes (httpGet, tcpSocket and grpc): unknown names, impossible numbers, UDP ports. */
function* probeChecks(object: KubeObject, container: Mapping): Iterable<Report> {
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (container[probe] === undefined) continue;
    for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
      const holder = mappingAt(container, probe, handler);
      const problem = holder === undefined ? undefined : probePortProblem(holder.port, container);
      if (problem !== undefined) yield reportOn(object, rangeIn(object, holder, 'port'), `The ${probe} ${problem}.`);
    }
  }
}

export const invalidTargetPort: Rule = {
  id: 'invalid-target-port',
  category: 'consistency',
  severity: 'error',
  kinds: ['Service', ...podKinds],
  description: "A Service's named `targetPort` matches no named container port of the pods it selects, or a probe's port is a name its container does not define, a number outside 1-65535, or a port the container declares for UDP only.",
  why: 'Traffic to that Service port goes nowhere, and a probe on an unknown port fails, restarting the container for ever.',
  *checkObject(object, context) {
    // A Service's ports are checked against the pods it selects; a pod spec's probes against their containers.
    if (object.kind === 'Service') yield* serviceChecks(object, context);
    for (const { container } of context.workloads.containers(object, ['containers', 'initContainers'])) yield* probeChecks(object, container);
  },
};
