import { compareQuantities, formatQuantity } from '../../allocator/quantity.ts';
import { relatedTo, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const limitBelowRequest: Rule = {
  id: 'limit-below-request',
  category: 'schema',
  severity: 'error',
  kinds: podKinds,
  description: "A container's limit is lower than its request for the same resource.",
  why: 'The API server rejects it ("must be less than or equal to limit"): a container can never be granted more than its limit.',
  *checkObject(object, context) {
    for (const ref of context.workloads.containers(object)) {
      const values = ref.resources;
      for (const limit of values.filter((value) => value.side === 'limits')) {
        const request = values.find((value) => value.side === 'requests' && value.resource === limit.resource);
        if (request?.quantity === undefined || limit.quantity === undefined) continue;
        if (compareQuantities(limit.quantity, request.quantity) >= 0) continue;
        yield reportOn(
          object,
          limit.range,
          `The ${limit.resource} limit ${formatQuantity(limit.quantity)} is below the request ${formatQuantity(request.quantity)}.`,
          { related: [relatedTo(object, request.range, `the ${limit.resource} request`)] },
        );
      }
    }
  },
};
