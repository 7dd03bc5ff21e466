import { mayShareNamespace } from './references.ts';
import { selectorMatches, templateLabels } from './selectors.ts';
import type { RuleContext, SetObject } from './types.ts';
import { asList, asMapping, valueAt } from './values.ts';
import type { PodRef } from './workloads.ts';

export const networkPolicies = (context: RuleContext): SetObject[] => context.objects.filter((object) => object.kind === 'NetworkPolicy');

/** Whether a selector selects nothing but has conditions (an empty selector selects every pod). */
export function isRestrictive(selector: unknown): boolean {
  return Object.keys(asMapping(valueAt(selector, 'matchLabels')) ?? {}).length > 0 || asList(valueAt(selector, 'matchExpressions')).length > 0;
}

/** The pod templates that may be in a namespace and that a LabelSelector selects. */
export function podsMatching(context: RuleContext, namespace: string | undefined, selector: unknown): PodRef<SetObject>[] {
  return context.workloads.pods.filter((pod) => mayShareNamespace(pod.object.namespace, namespace) && selectorMatches(selector, templateLabels(pod)));
}
