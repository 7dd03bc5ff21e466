import { parseQuantity, toNumber } from '../../allocator/quantity.ts';
import { setPathsEdit, type PathValue } from '../edits.ts';
import { fileSetHpas, hpaHeldText, hpaOf } from '../hpa-held.ts';
import { quoteValue } from '../quote-value.ts';
import { containerRange } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { effectiveRequest, type ResourceValue } from '../resources.ts';
import type { Fix, RequestSuggestion, Rule, RuleContext } from '../types.ts';
import type { Mapping } from '../values.ts';
import { type ContainerRef, podKinds } from '../workloads.ts';

/** LINT-RULES.md: suggestions within 30% of the set request are not worth a diagnostic. */
const defaultTolerance = 0.3;

type Amounts = Readonly<Record<string, string>>;

/** RequestSuggestion.kind for usage whose workload kind is unknown (derived from pod names): any pod kind. */
const ANY_KIND = '*';

function suggestionKey(kind: string, namespace: string | undefined, name: string, container: string): string {
  return `${kind}\0${namespace ?? ''}\0${name}\0${container}`;
}

/** The cluster's suggestions keyed by workload container: a cluster's history can hold thousands of containers. */
function suggestionIndex(context: RuleContext): Map<string, RequestSuggestion> {
  return new Map((context.facts.cluster?.suggestions ?? []).map((entry) => [suggestionKey(entry.kind, entry.namespace, entry.name, entry.container), entry]));
}

function pathValues(side: 'requests' | 'limits', amounts: Amounts): PathValue[] {
  return Object.entries(amounts).map(([resource, text]) => ({ path: ['resources', side, resource], scalar: JSON.stringify(text) }));
}

/** The request as set: a valid quantity as written, anything else only as far as quoteValue shows it. */
function setText(current: ResourceValue | undefined): string {
  if (current === undefined) return 'none';
  return current.quantity === undefined ? quoteValue(current.raw) : String(current.raw);
}

function pairText(amounts: Amounts): string {
  return Object.values(amounts).join(' / ');
}

/** A fix setting the given requests and limits, or undefined when no edit keeps the layout. */
function resourcesFix(ref: ContainerRef, title: string, values: readonly PathValue[]): Fix | undefined {
  const edits = setPathsEdit(ref.object, ref.container as Mapping, values);
  return edits === undefined ? undefined : { title, edits };
}

/** Goldilocks' two QoS choices besides the plain target: Guaranteed (requests = limits) and Burstable (bounds). */
function qosFixes(ref: ContainerRef, suggestion: RequestSuggestion): Fix[] {
  const { requests, lowerBound, upperBound } = suggestion;
  const guaranteed = resourcesFix(ref, `Guaranteed QoS: requests = limits = ${pairText(requests)}`, [...pathValues('requests', requests), ...pathValues('limits', requests)]);
  const burstable =
    lowerBound === undefined || upperBound === undefined
      ? undefined
      : resourcesFix(ref, `Burstable QoS: requests ${pairText(lowerBound)}, limits ${pairText(upperBound)}`, [...pathValues('requests', lowerBound), ...pathValues('limits', upperBound)]);
  return [guaranteed, burstable].filter((fix) => fix !== undefined);
}

export const requestSuggestion: Rule = {
  id: 'request-suggestion',
  category: 'resources',
  severity: 'info',
  kinds: podKinds,
  description: "With usage data: the allocator's suggested request differs from the set one by more than the tolerance (default 30%).",
  why: 'Requests far above use waste the capacity the scheduler reserves; far below, the node is overcommitted and the pod throttled or evicted.',
  fix: "Write the allocator's suggestion into resources.requests (or Guaranteed / Burstable requests and limits).",
  *checkObject(object, context) {
    const tolerance = context.facts.cluster?.suggestionTolerance ?? defaultTolerance;
    const index = context.derived(suggestionIndex);
    for (const ref of context.workloads.containers(object, ['containers'])) {
      const { container } = ref;
      const name = typeof container.name === 'string' ? container.name : '';
      const suggestion =
        index.get(suggestionKey(object.kind ?? '', object.namespace, object.name ?? '', name)) ?? index.get(suggestionKey(ANY_KIND, object.namespace, object.name ?? '', name));
      if (suggestion === undefined) continue;
      const differing = Object.entries(suggestion.requests).flatMap(([resource, text]) => {
        const suggested = parseQuantity(text);
        if (!suggested.ok) return [];
        const current = effectiveRequest(ref, resource);
        const now = current?.quantity === undefined ? undefined : toNumber(current.quantity);
        const want = toNumber(suggested.quantity);
        if (now !== undefined && now > 0 && Math.abs(want - now) / now <= tolerance) return [];
        return [{ resource, text, current }];
      });
      const [first] = differing;
      if (first === undefined) continue;
      // A resource an HPA of the file set scales on keeps its request; its suggestion is a fix of its own.
      const hpa = hpaOf(context.derived(fileSetHpas), object);
      const isHeld = (resource: string): boolean => hpa?.utilization[resource as 'cpu' | 'memory'] !== undefined;
      const free = differing.filter(({ resource }) => !isHeld(resource));
      const held = differing.filter(({ resource }) => isHeld(resource));
      const parts = free.map(({ resource, text, current }) => `${resource} ${text} (set: ${setText(current)})`);
      const notes = hpa === undefined ? [] : held.map(({ resource, current }) => hpaHeldText(hpa, object, suggestion, resource as 'cpu' | 'memory', current?.quantity === undefined ? undefined : toNumber(current.quantity)));
      const suggested = Object.fromEntries(Object.entries(suggestion.requests).filter(([resource]) => !isHeld(resource)));
      const heldRequests = Object.fromEntries(held.map(({ resource, text }) => [resource, text]));
      const fix = free.length === 0 ? undefined : resourcesFix(ref, `Apply suggested requests: ${pairText(suggested)}`, pathValues('requests', suggested));
      const choice = held.length === 0 ? undefined : resourcesFix(ref, `Set ${pairText(heldRequests)} anyway (HPA ${hpa?.name ?? ''} then rescales)`, pathValues('requests', heldRequests));
      const { vpa } = suggestion;
      const vpaChoice = vpa === undefined ? undefined : resourcesFix(ref, `Use VPA ${vpa.name}'s recommendation: ${pairText(vpa.requests)}`, pathValues('requests', vpa.requests));
      const message = [...(parts.length === 0 ? [] : [`Observed usage suggests requests of ${parts.join(', ')}.`]), ...notes.map((note) => `${note}.`)].join(' ');
      yield reportOn(object, first.current?.range ?? containerRange(object, container), message, {
        ...(fix === undefined ? {} : { fix }),
        alternatives: [...(choice === undefined ? [] : [choice]), ...(held.length === 0 ? qosFixes(ref, suggestion) : []), ...(vpaChoice === undefined ? [] : [vpaChoice])],
      });
    }
  },
};
