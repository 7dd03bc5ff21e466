import { containerLabel, pssRule } from '../pss-rule.ts';
import { rangeIn } from '../ranges.ts';
import { asList, asMapping } from '../values.ts';

export const pssHostPorts = pssRule({
  id: 'pss-host-ports',
  level: 'baseline',
  control: 'Host Ports',
  description: 'A container port with a non-zero `hostPort`.',
  why: 'A host port binds the node\'s own address, outside the pod network and its policies.',
  *check(pod, containers) {
    for (const ref of containers) {
      for (const item of asList(ref.container.ports)) {
        const port = asMapping(item);
        if (port?.hostPort === undefined || port.hostPort === null || port.hostPort === 0) continue;
        yield { range: rangeIn(pod.object, port, 'hostPort'), message: `hostPort must be 0 or unset on ${containerLabel(ref)}` };
      }
    }
  },
});
