import { parseQuantity, toNumber } from '../../allocator/quantity.ts';
import { setPathEdit } from '../edits.ts';
import { containerRange } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { effectiveRequest } from '../resources.ts';
import type { Rule } from '../types.ts';
import { containers, podKinds } from '../workloads.ts';

/** LINT-RULES.md: suggestions within 30% of the set request are not worth a diagnostic. */
const defaultTolerance = 0.3;

export const requestSuggestion: Rule = {
  id: 'request-suggestion',
  category: 'resources',
  severity: 'info',
  kinds: podKinds,
  description: "With usage data: the allocator's suggested request differs from the set one by more than the tolerance (default 30%).",
  why: 'Requests far above use waste the capacity the scheduler reserves; far below, the node is overcommitted and the pod throttled or evicted.',
  fix: "Write the allocator's suggestion into resources.requests.",
  *check(context) {
    const suggestions = context.facts.cluster?.suggestions ?? [];
    const tolerance = context.facts.cluster?.suggestionTolerance ?? defaultTolerance;
    if (suggestions.length === 0) return;
    for (const ref of containers(context, ['containers'])) {
      const { object, container } = ref;
      const suggestion = suggestions.find(
        (entry) => entry.kind === object.kind && entry.name === object.name && entry.namespace === object.namespace && entry.container === container.name,
      );
      for (const [resource, text] of Object.entries(suggestion?.requests ?? {})) {
        const suggested = parseQuantity(text);
        if (!suggested.ok) continue;
        const current = effectiveRequest(ref, resource);
        const now = current?.quantity === undefined ? undefined : toNumber(current.quantity);
        const want = toNumber(suggested.quantity);
        if (now !== undefined && now > 0 && Math.abs(want - now) / now <= tolerance) continue;
        const edit = setPathEdit(object, container, ['resources', 'requests', resource], JSON.stringify(text));
        yield reportOn(object, current?.range ?? containerRange(object, container), `Observed usage suggests a ${resource} request of ${text}${now === undefined ? '' : ` (set: ${String(current?.raw)})`}.`, {
          ...(edit === undefined ? {} : { fix: { title: `Set the ${resource} request to ${text}`, edits: [edit] } }),
        });
      }
    }
  },
};
