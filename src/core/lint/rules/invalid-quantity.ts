import { quoteValue, reasonFor } from '../quote-value.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const invalidQuantity: Rule = {
  id: 'invalid-quantity',
  category: 'schema',
  severity: 'error',
  kinds: podKinds,
  description: 'A resource request or limit that is not a Kubernetes quantity (`500mb`, `1.5.0`, `2 Gi`).',
  why: 'The API server rejects the object ("quantities must match the regular expression"); `mb` is not a unit (use `M` or `Mi`).',
  *checkObject(object, context) {
    for (const ref of context.workloads.containers(object)) {
      for (const value of ref.resources) {
        if (value.quantity !== undefined) continue;
        yield reportOn(object, value.range, `Invalid quantity ${quoteValue(value.raw)} for ${value.side}.${value.resource}: ${reasonFor(value.raw, value.reason ?? 'not a quantity', 'not a quantity')}.`);
      }
    }
  },
};
