import { containerPorts } from '../ports.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const privilegedPorts: Rule = {
  id: 'privileged-ports',
  category: 'security',
  severity: 'warning',
  kinds: podKinds,
  description: 'A container port (`ports[].containerPort`) below 1024; Service ports are not checked.',
  why: 'Binding a port below 1024 needs root or CAP_NET_BIND_SERVICE; listen on a high port and let the Service map it.',
  *checkObject(object, context) {
    for (const { port, rangeOf } of containerPorts(object, context)) {
      const number = port.containerPort;
      if (typeof number === 'number' && number > 0 && number < 1024) yield reportOn(object, rangeOf('containerPort'), `The container port ${number} is privileged (below 1024).`);
    }
  },
};
