import { nestedFieldViolations, pssRule, securityContexts } from '../pss-rule.ts';

export const pssHostProcess = pssRule({
  id: 'pss-host-process',
  level: 'baseline',
  control: 'HostProcess',
  description: '`securityContext.windowsOptions.hostProcess: true` on the pod or a container.',
  why: 'A Windows HostProcess container runs on the node itself with the node\'s privileges.',
  check: (pod, containers) => nestedFieldViolations(securityContexts(pod, containers), 'windowsOptions', 'hostProcess', (value) => value === true, 'windowsOptions.hostProcess must be false or unset'),
});
