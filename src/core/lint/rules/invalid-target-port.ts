import { quoteValue } from '../quote-value.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { podIndex, podsSelectedBy } from '../selectors.ts';
import type { KubeObject, Report, Rule } from '../types.ts';
import { asList, asText, type Mapping, mappingAt, stringMap, valueAt } from '../values.ts';
import { containers, podKinds, type PodRef } from '../workloads.ts';

function portNames(container: Mapping): string[] {
  return asList(container.ports).flatMap((port) => asText(valueAt(port, 'name')) ?? []);
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
  *check(context) {
    const index = podIndex(context);
    const portsByPod = new Map<PodRef, string[]>();
    for (const ref of containers(context, ['containers'])) portsByPod.set(ref.pod, [...(portsByPod.get(ref.pod) ?? []), ...portNames(ref.container)]);
    for (const object of context.objects) {
      if (object.kind !== 'Service') continue;
      const selector = stringMap(valueAt(object.value, 'spec', 'selector'));
      if (Object.keys(selector).length === 0) continue;
      const selected = podsSelectedBy(index, object, selector);
      if (selected.length === 0) continue;
      const names = new Set(selected.flatMap((pod) => portsByPod.get(pod) ?? []));
      for (const port of asList(valueAt(object.value, 'spec', 'ports'))) {
        const target = asText(valueAt(port, 'targetPort'));
        if (target === undefined || names.has(target)) continue;
        yield reportOn(object, rangeIn(object, port, 'targetPort'), `The targetPort ${quoteValue(target)} of ${describe(object)} matches no named container port of the pods it selects.`);
      }
    }
    for (const { object, container } of containers(context, ['containers', 'initContainers'])) yield* probeChecks(object, container);
  },
};
