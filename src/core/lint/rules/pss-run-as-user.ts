import { at, inUserNamespace, pssRule, securityContexts } from '../pss-rule.ts';

export const pssRunAsUser = pssRule({
  id: 'pss-run-as-user',
  level: 'restricted',
  control: 'Running as Non-root user',
  since: '1.23',
  description: '`runAsUser: 0` on the pod or a container (from policy 1.35 allowed with `hostUsers: false`).',
  why: 'User 0 is root, whatever runAsNonRoot says elsewhere.',
  *check(pod, containers, { version }) {
    if (inUserNamespace(pod, version)) return;
    for (const site of securityContexts(pod, containers)) {
      if (site.holder?.runAsUser === 0) yield at(site, site.holder, 'runAsUser', 'runAsUser must not be 0');
    }
  },
});
