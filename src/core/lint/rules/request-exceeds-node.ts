import { addQuantities, compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../../allocator/quantity.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { effectiveRequest } from '../resources.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const requestExceedsNode: Rule = {
  id: 'request-exceeds-node',
  category: 'resources',
  severity: 'error',
  kinds: podKinds,
  description: "With a cluster connected: a container's (or init container's) request, or the pod's summed app-container requests, exceeds the largest node's allocatable for that resource.",
  why: 'No node can ever fit the pod: it stays Pending with "Insufficient cpu/memory" for ever.',
  *checkObject(object, context) {
    const largest = context.facts.cluster?.largestNodeAllocatable;
    const refs = context.workloads.containers(object, ['containers', 'initContainers']);
    const pod = refs[0]?.pod;
    if (largest === undefined || pod === undefined) return;
    for (const [resource, text] of Object.entries(largest)) {
      const parsed = parseQuantity(text);
      if (!parsed.ok) continue;
      const capacity = parsed.quantity;
      let total: Quantity | undefined;
      let single = false;
      for (const ref of refs) {
        const request = effectiveRequest(ref, resource);
        if (request?.quantity === undefined) continue;
        // Init containers run one at a time before the others: only app containers add up (the scheduler's rule).
        if (ref.list === 'containers') total = total === undefined ? request.quantity : addQuantities(total, request.quantity);
        if (compareQuantities(request.quantity, capacity) <= 0) continue;
        single = true;
        yield reportOn(object, request.range, `The ${resource} request ${formatQuantity(request.quantity)} exceeds the largest node's allocatable ${formatQuantity(capacity)}: the pod can never be scheduled.`);
      }
      if (single || total === undefined || compareQuantities(total, capacity) <= 0) continue;
      yield reportOn(object, rangeIn(object, pod.spec, 'containers', 'key'), `The containers of ${describe(object)} request ${formatQuantity(total)} ${resource} together, more than the largest node's allocatable ${formatQuantity(capacity)}.`);
    }
  },
};
