import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { asList, mappingAt, valueAt } from '../values.ts';

const zoneKey = 'topology.kubernetes.io/zone';

/** Whether a pod spec spreads its pods over zones: a zone topologySpreadConstraint or a zone podAntiAffinity term. */
function spreadsOverZones(spec: Readonly<Record<string, unknown>>): boolean {
  if (asList(spec.topologySpreadConstraints).some((constraint) => valueAt(constraint, 'topologyKey') === zoneKey)) return true;
  const antiAffinity = mappingAt(spec, 'affinity', 'podAntiAffinity');
  const required = asList(antiAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
  const preferred = asList(antiAffinity?.preferredDuringSchedulingIgnoredDuringExecution).map((term) => valueAt(term, 'podAffinityTerm'));
  return [...required, ...preferred].some((term) => valueAt(term, 'topologyKey') === zoneKey);
}

export const noZoneSpread: Rule = {
  id: 'no-zone-spread',
  category: 'reliability',
  severity: 'info',
  kinds: ['Deployment', 'StatefulSet'],
  profile: 'all',
  description: `A Deployment or StatefulSet with more than one replica and neither a topologySpreadConstraint nor a podAntiAffinity term on \`${zoneKey}\`. Opt-in, for clusters spread over zones.`,
  why: 'Without a zone constraint the scheduler may put every replica in one zone, and a zone outage takes them all.',
  *checkObject(object, context) {
    const spec = mappingAt(object.value, 'spec');
    const replicas = spec?.replicas;
    const pod = context.workloads.pod(object);
    if (typeof replicas !== 'number' || replicas <= 1 || pod === undefined || spreadsOverZones(pod.spec)) return;
    yield reportOn(object, rangeIn(object, spec, 'replicas'), `${describe(object)} runs ${replicas} replicas with no spread over zones.`);
  },
};
