import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { mapSelectorMatches, selectorMatches, templateLabels } from '../selectors.ts';
import type { Rule } from '../types.ts';
import { mappingAt, stringMap } from '../values.ts';

// Not CronJob: it has no spec.selector (the API server generates its Jobs' selectors).
const selectorKinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'];

export const mismatchingSelector: Rule = {
  id: 'mismatching-selector',
  category: 'consistency',
  severity: 'error',
  kinds: selectorKinds,
  description: "A workload's `spec.selector` does not match its pod template's labels.",
  why: 'The API server rejects it ("selector does not match template labels"); the controller could never find its own pods.',
  *checkObject(object, context) {
    const pod = context.workloads.pod(object);
    const spec = mappingAt(object.value, 'spec');
    const selector = spec?.selector;
    if (pod === undefined || selector === undefined || selector === null) return;
    const labels = templateLabels(pod);
    // ReplicationController selectors are plain maps; the others are LabelSelectors.
    const matches = object.kind === 'ReplicationController' ? mapSelectorMatches(stringMap(selector), labels) : selectorMatches(selector, labels);
    if (matches) return;
    yield reportOn(object, rangeIn(object, spec, 'selector', 'key'), `The selector of ${describe(object)} does not match its pod template's labels.`);
  },
};
