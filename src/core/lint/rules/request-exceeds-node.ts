import { addQuantities, compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../../allocator/quantity.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { effectiveRequest } from '../resources.ts';
import type { Rule } from '../types.ts';
import { type ContainerRef, containers, podKinds } from '../workloads.ts';

export const requestExceedsNode: Rule = {
  id: 'request-exceeds-node',
  category: 'resources',
  severity: 'error',
  kinds: podKinds,
  description: "With a cluster connected: a container's (or init container's) request, or the pod's summed app-container requests, exceeds the largest node's allocatable for that resource.",
  why: 'No node can ever fit the pod: it stays Pending with "Insufficient cpu/memory" for ever.',
  *check(context) {
    const largest = context.facts.cluster?.largestNodeAllocatable;
    if (largest === undefined) return;
    for (const [resource, text] of Object.entries(largest)) {
      const parsed = parseQuantity(text);
      if (!parsed.ok) continue;
      const capacity = parsed.quantity;
      const byPod = new Map<unknown, ContainerRef[]>();
      for (const ref of containers(context, ['containers', 'initContainers'])) byPod.set(ref.pod, [...(byPod.get(ref.pod) ?? []), ref]);
      for (const [, refs] of byPod) {
        const pod = (refs[0] as ContainerRef).pod;
        let total: Quantity | undefined;
        let single = false;
        for (const ref of refs) {
          const request = effectiveRequest(ref, resource);
          if (request?.quantity === undefined) continue;
          // Init containers run one at a time before the others: only app containers add up (the scheduler's rule).
          if (ref.list === 'containers') total = total === undefined ? request.quantity : addQuantities(total, request.quantity);
          if (compareQuantities(request.quantity, capacity) <= 0) continue;
          single = true;
          yield reportOn(ref.object, request.range, `The ${resource} request ${formatQuantity(request.quantity)} exceeds the largest node's allocatable ${formatQuantity(capacity)}: the pod can never be scheduled.`);
        }
        if (single || total === undefined || compareQuantities(total, capacity) <= 0) continue;
        yield reportOn(pod.object, rangeIn(pod.object, pod.spec, 'containers', 'key'), `The containers of ${describe(pod.object)} request ${formatQuantity(total)} ${resource} together, more than the largest node's allocatable ${formatQuantity(capacity)}.`);
      }
    }
  },
};
