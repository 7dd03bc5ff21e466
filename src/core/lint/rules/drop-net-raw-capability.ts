import { containerRange, rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { capabilityName } from '../security-context.ts';
import type { Rule } from '../types.ts';
import { asList, mappingAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const dropNetRawCapability: Rule = {
  id: 'drop-net-raw-capability',
  category: 'security',
  severity: 'info',
  kinds: podKinds,
  description: 'A container that does not drop `NET_RAW` (or `ALL`) in `securityContext.capabilities.drop`.',
  why: 'NET_RAW, granted by default, allows crafting packets: ARP and DNS spoofing against other pods on the node.',
  *checkObject(object, context) {
    for (const { container } of context.workloads.containers(object)) {
      const capabilities = mappingAt(container, 'securityContext', 'capabilities');
      const dropped = asList(capabilities?.drop).map(capabilityName);
      if (dropped.includes('NET_RAW') || dropped.includes('ALL')) continue;
      const range = capabilities?.drop === undefined ? containerRange(object, container) : rangeIn(object, capabilities, 'drop', 'key');
      yield reportOn(object, range, 'The container does not drop the NET_RAW capability.');
    }
  },
};
