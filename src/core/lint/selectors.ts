import type { KubeObject, RuleContext } from './types.ts';
import { asList, asMapping, asText, stringMap, valueAt } from './values.ts';
import { type PodRef, pods } from './workloads.ts';

/** A metav1.LabelSelector (matchLabels + matchExpressions) against a label set, as the API server evaluates it. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(stringMap(valueAt(selector, 'matchLabels')))) {
    if (labels[key] !== value) return false;
  }
  for (const item of asList(valueAt(selector, 'matchExpressions'))) {
    const expression = asMapping(item);
    const key = asText(expression?.key) ?? '';
    const values = asList(expression?.values).map(String);
    const present = Object.hasOwn(labels, key);
    const operator = asText(expression?.operator);
    if (operator === 'In' && !(present && values.includes(labels[key] ?? ''))) return false;
    if (operator === 'NotIn' && present && values.includes(labels[key] ?? '')) return false;
    if (operator === 'Exists' && !present) return false;
    if (operator === 'DoesNotExist' && present) return false;
  }
  return true;
}

/** A plain equality selector (Service, ReplicationController): every pair must be in the labels. */
export function mapSelectorMatches(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

export function templateLabels(pod: PodRef): Record<string, string> {
  return stringMap(valueAt(pod.template, 'metadata', 'labels'));
}

/** Pod templates of the file set in the object's namespace whose labels a Service-style selector matches. */
export function podsSelectedBy(context: RuleContext, object: KubeObject, selector: Readonly<Record<string, string>>): PodRef[] {
  return [...pods(context)].filter((pod) => pod.object.namespace === object.namespace && mapSelectorMatches(selector, templateLabels(pod)));
}

/** Whether the file set holds a workload at all: consistency rules stay quiet for a lone Service or HPA. */
export function hasWorkloads(context: RuleContext): boolean {
  for (const _pod of pods(context)) return true;
  return false;
}
