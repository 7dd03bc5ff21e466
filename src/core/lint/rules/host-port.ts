import { containerPorts } from '../ports.ts';
import { quoteValue } from '../quote-value.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const hostPort: Rule = {
  id: 'host-port',
  category: 'security',
  severity: 'warning',
  kinds: podKinds,
  description: 'A container port with `hostPort` set.',
  why: 'A host port binds the node\'s address: only one such pod fits per node, and it bypasses network policies.',
  *checkObject(object, context) {
    for (const { port, rangeOf } of containerPorts(object, context)) {
      if (port.hostPort !== undefined && port.hostPort !== null && port.hostPort !== 0) yield reportOn(object, rangeOf('hostPort'), `The container binds host port ${quoteValue(port.hostPort)}.`);
    }
  },
};
