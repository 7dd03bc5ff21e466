import { containerPorts } from '../ports.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const sshPort: Rule = {
  id: 'ssh-port',
  category: 'security',
  severity: 'warning',
  kinds: podKinds,
  description: 'A container exposes port 22.',
  why: 'An SSH server in a container is a second way in that bypasses the API server\'s authentication and audit; use `kubectl exec`.',
  *checkObject(object, context) {
    for (const { port, rangeOf } of containerPorts(object, context)) {
      if (port.containerPort === 22) yield reportOn(object, rangeOf('containerPort'), 'The container exposes the SSH port 22.');
    }
  },
};
