import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { capabilityName } from '../security-context.ts';
import type { Rule } from '../types.ts';
import { asList, mappingAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

const dangerous = ['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'NET_RAW'];

export const dangerousCapabilities: Rule = {
  id: 'dangerous-capabilities',
  category: 'security',
  severity: 'error',
  kinds: podKinds,
  description: `\`capabilities.add\` contains ${dangerous.join(', ')}.`,
  why: 'Each of these is enough to take over the node or its network (load kernel modules, trace other processes, spoof packets).',
  *checkObject(object, context) {
    for (const { container } of context.workloads.containers(object)) {
      const capabilities = mappingAt(container, 'securityContext', 'capabilities');
      const added = asList(capabilities?.add);
      for (const [index, entry] of added.entries()) {
        const name = capabilityName(entry);
        if (!dangerous.includes(name)) continue;
        yield reportOn(object, rangeIn(object, capabilities?.add, index), `The container adds the dangerous capability ${name}.`);
      }
    }
  },
};
