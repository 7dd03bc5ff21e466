import { at, containerLabel, inUserNamespace, pssRule, securityContexts } from '../pss-rule.ts';
import { containerRange } from '../ranges.ts';

export const pssRunAsNonRoot = pssRule({
  id: 'pss-run-as-non-root',
  level: 'restricted',
  control: 'Running as Non-root',
  description: '`runAsNonRoot` is false somewhere, or neither the pod nor every container sets it to true (from policy 1.35 not for `hostUsers: false`).',
  why: 'Without runAsNonRoot the kubelet starts an image whose user is root as root.',
  *check(pod, containers, { version }) {
    if (inUserNamespace(pod, version)) return;
    const [podSite, ...containerSites] = securityContexts(pod, containers);
    if (podSite?.holder?.runAsNonRoot === false) yield at(podSite, podSite.holder, 'runAsNonRoot', 'runAsNonRoot must be true');
    const podTrue = podSite?.holder?.runAsNonRoot === true;
    for (const site of containerSites) {
      const own = site.holder?.runAsNonRoot;
      if (own === false) yield at(site, site.holder, 'runAsNonRoot', 'runAsNonRoot must be true');
      else if (own === undefined && !podTrue && site.ref !== undefined) {
        yield { range: containerRange(pod.object, site.ref.container), message: `runAsNonRoot must be true on the pod or on ${containerLabel(site.ref)}` };
      }
    }
  },
});
