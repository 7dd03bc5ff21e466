import { hpaTargets, isAutoscaled } from '../hpa.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';

export const singleReplica: Rule = {
  id: 'single-replica',
  category: 'reliability',
  severity: 'info',
  kinds: ['Deployment', 'StatefulSet'],
  description: 'A Deployment or StatefulSet with `replicas: 1` (explicit or by default) and no HorizontalPodAutoscaler targeting it in the file set.',
  why: 'One replica means downtime on every node drain, eviction or crash.',
  *checkObject(object, context) {
    const spec = mappingAt(object.value, 'spec');
    const replicas = spec?.replicas ?? 1;
    if (replicas !== 1 || isAutoscaled(context.derived(hpaTargets), object)) return;
    const range = spec?.replicas === undefined ? object.range : rangeIn(object, spec, 'replicas');
    yield reportOn(object, range, `${describe(object)} runs a single replica.`);
  },
};
