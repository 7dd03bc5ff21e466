import { at, pssRule, securityContexts } from '../pss-rule.ts';
import { mappingAt } from '../values.ts';

export const pssHostProcess = pssRule({
  id: 'pss-host-process',
  level: 'baseline',
  control: 'HostProcess',
  description: '`securityContext.windowsOptions.hostProcess: true` on the pod or a container.',
  why: 'A Windows HostProcess container runs on the node itself with the node\'s privileges.',
  *check(pod, containers) {
    for (const site of securityContexts(pod, containers)) {
      const options = mappingAt(site.holder, 'windowsOptions');
      if (options?.hostProcess === true) yield at(site, options, 'hostProcess', 'windowsOptions.hostProcess must be false or unset');
    }
  },
});
