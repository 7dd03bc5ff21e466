import { at, pssRule, securityContexts } from '../pss-rule.ts';

export const pssPrivileged = pssRule({
  id: 'pss-privileged',
  level: 'baseline',
  control: 'Privileged Containers',
  description: 'A container with `securityContext.privileged: true`.',
  why: 'A privileged container has every capability and every device of the node: it is root on the node.',
  *check(pod, containers) {
    for (const site of securityContexts(pod, containers).slice(1)) {
      if (site.holder?.privileged === true) yield at(site, site.holder, 'privileged', 'securityContext.privileged must be false or unset');
    }
  },
});
