import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { mappingAt, valueAt } from '../values.ts';

export const noAntiAffinity: Rule = {
  id: 'no-anti-affinity',
  category: 'reliability',
  severity: 'info',
  kinds: ['Deployment', 'StatefulSet'],
  description: 'A Deployment or StatefulSet with more than one replica and neither `podAntiAffinity` nor `topologySpreadConstraints`.',
  why: 'The scheduler may put every replica on one node, and one node failure then takes them all.',
  *checkObject(object, context) {
    const spec = mappingAt(object.value, 'spec');
    const replicas = spec?.replicas;
    const pod = context.workloads.pod(object);
    if (typeof replicas !== 'number' || replicas <= 1 || pod === undefined) return;
    if (valueAt(pod.spec, 'affinity', 'podAntiAffinity') !== undefined || pod.spec.topologySpreadConstraints !== undefined) return;
    yield reportOn(object, rangeIn(object, spec, 'replicas'), `${describe(object)} runs ${replicas} replicas without podAntiAffinity or topologySpreadConstraints.`);
  },
};
