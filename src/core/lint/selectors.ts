import type { RuleContext, SetObject } from './types.ts';
import { asList, asMapping, asText, stringMap, valueAt } from './values.ts';
import type { PodRef } from './workloads.ts';

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

export function templateLabels(pod: PodRef<SetObject>): Record<string, string> {
  return stringMap(valueAt(pod.template, 'metadata', 'labels'));
}

interface IndexedPod {
  readonly pod: PodRef<SetObject>;
  readonly labels: Record<string, string>;
}

/** Pod templates keyed by namespace and one label pair, built once per lint run (through `context.derived`). */
export type PodIndex = ReadonlyMap<string, readonly IndexedPod[]>;

const labelKey = (namespace: string | undefined, key: string, value: string) => `${namespace ?? ''}\u0000${key}\u0000${value}`;

/**
 * Indexes every pod template under each of its labels, so a Service-style selector looks up the pods
 * carrying its first pair instead of testing every pod (linear, not quadratic, in big files).
 */
export function podIndex(context: RuleContext): PodIndex {
  const index = new Map<string, IndexedPod[]>();
  for (const pod of context.workloads.pods) {
    const entry = { pod, labels: templateLabels(pod) };
    for (const [key, value] of Object.entries(entry.labels)) {
      const slot = labelKey(pod.object.namespace, key, value);
      const pods = index.get(slot);
      if (pods === undefined) index.set(slot, [entry]);
      else pods.push(entry);
    }
  }
  return index;
}

/** The pod templates in the object's namespace whose labels a non-empty Service-style selector matches. */
export function podsSelectedBy(index: PodIndex, object: SetObject, selector: Readonly<Record<string, string>>): PodRef<SetObject>[] {
  const first = Object.entries(selector)[0];
  if (first === undefined) return [];
  const candidates = index.get(labelKey(object.namespace, first[0], first[1])) ?? [];
  return candidates.filter((entry) => mapSelectorMatches(selector, entry.labels)).map((entry) => entry.pod);
}

/** Whether the file set holds a workload at all: consistency rules stay quiet for a lone Service or HPA. */
export function hasWorkloads(context: RuleContext): boolean {
  return context.workloads.pods.length > 0;
}
