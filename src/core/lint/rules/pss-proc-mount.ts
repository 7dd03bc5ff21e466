import { at, inUserNamespace, pssRule, securityContexts } from '../pss-rule.ts';

export const pssProcMount = pssRule({
  id: 'pss-proc-mount',
  level: 'baseline',
  control: '/proc Mount Type',
  description: 'A container with `securityContext.procMount` other than Default (from policy 1.35, allowed at baseline in a user namespace: `hostUsers: false`).',
  why: 'An Unmasked /proc shows the kernel paths that the runtime masks to keep the container from reading or changing the node.',
  *check(pod, containers, { level, version }) {
    if (level === 'baseline' && inUserNamespace(pod, version)) return;
    for (const site of securityContexts(pod, containers).slice(1)) {
      const mount = site.holder?.procMount;
      if (mount !== undefined && mount !== 'Default') yield at(site, site.holder, 'procMount', 'procMount must be Default or unset');
    }
  },
});
