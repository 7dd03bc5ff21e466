import { hpaTargets, isAutoscaled } from '../hpa.ts';
import { mayShareNamespace } from '../references.ts';
import { describe, reportOn } from '../report.ts';
import { selectorMatches, templateLabels } from '../selectors.ts';
import type { Fix, KubeObject, Rule, RuleContext, SetObject } from '../types.ts';
import { asList, mappingAt, stringMap, valueAt } from '../values.ts';

const budgets = (context: RuleContext): SetObject[] => context.objects.filter((object) => object.kind === 'PodDisruptionBudget');

/**
 * A PodDisruptionBudget allowing one pod down, as a new document at the end of the file, with the
 * workload's matchLabels; none for a matchExpressions selector or when a budget already has the name.
 */
function newBudgetFix(object: KubeObject, context: RuleContext): Fix | undefined {
  const selector = mappingAt(object.value, 'spec', 'selector');
  const labels = Object.entries(stringMap(selector?.matchLabels));
  if (labels.length === 0 || asList(selector?.matchExpressions).length > 0 || object.name === undefined) return undefined;
  if (context.derived(budgets).some((budget) => budget.name === object.name && mayShareNamespace(budget.namespace, object.namespace))) return undefined;
  const text = object.file.parsed.text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = [
    '---',
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    'metadata:',
    `  name: ${JSON.stringify(object.name)}`,
    ...(object.namespace === undefined ? [] : [`  namespace: ${JSON.stringify(object.namespace)}`]),
    'spec:',
    '  maxUnavailable: 1',
    '  selector:',
    '    matchLabels:',
    ...labels.map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`),
  ];
  const prefix = text === '' || /[\r\n]$/.test(text) ? '' : newline;
  return { title: 'Add a PodDisruptionBudget (maxUnavailable: 1) as a new document', edits: [{ start: text.length, end: text.length, newText: prefix + lines.join(newline) + newline }] };
}

export const missingPodDisruptionBudget: Rule = {
  id: 'missing-pod-disruption-budget',
  category: 'reliability',
  severity: 'info',
  kinds: ['Deployment', 'StatefulSet'],
  // Opt-in: manifests often leave budgets to the cluster's operators (and a one-object preview has none).
  profile: 'all',
  description: 'A Deployment or StatefulSet with more than one replica (or an HPA) that no PodDisruptionBudget of the file set selects. Opt-in.',
  why: 'Without a budget a node drain may evict every replica at once: the service is down although it runs several.',
  fix: 'Add a PodDisruptionBudget with maxUnavailable: 1 as a new document.',
  *checkObject(object, context) {
    const pod = context.workloads.pod(object);
    const replicas = valueAt(object.value, 'spec', 'replicas');
    if (pod === undefined || !((typeof replicas === 'number' && replicas > 1) || isAutoscaled(context.derived(hpaTargets), object))) return;
    const labels = templateLabels(pod);
    const covered = context.derived(budgets).some((budget) => mayShareNamespace(budget.namespace, object.namespace) && selectorMatches(valueAt(budget.value, 'spec', 'selector'), labels));
    if (covered) return;
    const fix = newBudgetFix(object, context);
    yield reportOn(object, object.range, `No PodDisruptionBudget of the file set covers ${describe(object)}: a drain may evict all its replicas at once.`, fix === undefined ? {} : { fix });
  },
};
