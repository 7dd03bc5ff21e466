import { quoteValue } from '../quote-value.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { podIndex, podsSelectedBy } from '../selectors.ts';
import type { KubeObject, Report, Rule, RuleContext } from '../types.ts';
import { asList, asText, type Mapping, mappingAt, stringMap, valueAt } from '../values.ts';
import { podKinds, type PodRef } from '../workloads.ts';

function portNames(container: Mapping): string[] {
  return asList(container.ports).flatMap((port) => asText(valueAt(port, 'name')) ?? []);
}

/** The named ports of each pod's app containers (Services route only to those). */
function portsByPod(context: RuleContext): Map<PodRef, string[]> {
  return new Map(context.workloads.pods.map((pod) => [pod, context.workloads.containers(pod.object, ['containers']).flatMap((ref) => portNames(ref.container))]));
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

/** Named ports in a container's probes: httpGet and tcpSocket may name a port. */
function* probeChecks(object: KubeObject, container: Mapping): Iterable<Report> {
  let names: string[] | undefined;
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (container[probe] === undefined) continue;
    for (const handler of ['httpGet', 'tcpSocket']) {
      const holder = mappingAt(container, probe, handler);
      const port = asText(holder?.port);
      if (port === undefined) continue;
      names ??= portNames(container);
      if (names.includes(port)) continue;
      yield reportOn(object, rangeIn(object, holder, 'port'), `The ${probe} uses the port name ${quoteValue(port)}, which the container does not define.`);
    }
  }
}

export const invalidTargetPort: Rule = {
  id: 'invalid-target-port',
  category: 'consistency',
  severity: 'error',
  kinds: ['Service', ...podKinds],
  description: "A Service's named `targetPort` matches no named container port of the pods it selects, or a probe names a port its container does not define.",
  why: 'Traffic to that Service port goes nowhere, and a probe on an unknown port fails, restarting the container for ever.',
  *checkObject(object, context) {
    // A Service's ports are checked against the pods it selects; a pod spec's probes against their containers.
    if (object.kind === 'Service') yield* serviceChecks(object, context);
    for (const { container } of context.workloads.containers(object, ['containers', 'initContainers'])) yield* probeChecks(object, container);
  },
};
