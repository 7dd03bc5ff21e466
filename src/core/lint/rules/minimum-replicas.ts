import { hpaTargets, isAutoscaled } from '../hpa.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';

export const minimumReplicas: Rule = {
  id: 'minimum-replicas',
  category: 'reliability',
  severity: 'warning',
  kinds: ['Deployment', 'StatefulSet'],
  profile: 'all',
  description: 'A Deployment or StatefulSet with fewer replicas than `minReplicas` of `.kube-workbench.yaml` (default 2), and no HorizontalPodAutoscaler targeting it in the file set. Opt-in.',
  why: 'Below the team\'s minimum, a node drain or a zone outage takes the service down.',
  *checkObject(object, context) {
    const minimum = context.facts.options.minReplicas ?? 2;
    const spec = mappingAt(object.value, 'spec');
    const replicas = spec?.replicas ?? 1;
    if (typeof replicas !== 'number' || replicas >= minimum || isAutoscaled(context.derived(hpaTargets), object)) return;
    const range = spec?.replicas === undefined ? object.range : rangeIn(object, spec, 'replicas');
    yield reportOn(object, range, `${describe(object)} runs ${replicas} replica${replicas === 1 ? '' : 's'}, below the minimum of ${minimum}.`);
  },
};
