import { setPathEdit } from '../edits.ts';
import { at, containerLabel, pssRule, securityContexts } from '../pss-rule.ts';
import { containerRange } from '../ranges.ts';
import type { Fix } from '../types.ts';
import { mappingAt } from '../values.ts';
import type { PodRef } from '../workloads.ts';

const valid = (type: unknown) => type === 'RuntimeDefault' || type === 'Localhost';
const message = 'seccompProfile.type must be RuntimeDefault or Localhost';

/** Setting the pod's profile covers every container that sets none; only offered while the pod sets no type. */
function podFix(pod: PodRef): Fix | undefined {
  if (mappingAt(pod.spec, 'securityContext', 'seccompProfile')?.type !== undefined) return undefined;
  const edit = setPathEdit(pod.object, pod.spec, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault');
  return edit === undefined ? undefined : { title: 'Set the pod\'s securityContext.seccompProfile.type: RuntimeDefault', edits: [edit] };
}

export const pssSeccompRestricted = pssRule({
  id: 'pss-seccomp-restricted',
  level: 'restricted',
  control: 'Seccomp',
  since: '1.19',
  windowsExempt: true,
  description: '`seccompProfile.type` is neither RuntimeDefault nor Localhost: set to another value anywhere, or set neither on the pod nor on every container.',
  why: 'Without a seccomp profile every system call reaches the kernel, the largest attack surface a container has.',
  fix: 'Set the pod\'s seccompProfile.type: RuntimeDefault.',
  *check(pod, containers) {
    const [podSite, ...containerSites] = securityContexts(pod, containers);
    const podProfile = mappingAt(podSite?.holder, 'seccompProfile');
    if (podSite !== undefined && podProfile?.type !== undefined && !valid(podProfile.type)) yield at(podSite, podProfile, 'type', message);
    const fix = podFix(pod);
    for (const site of containerSites) {
      const profile = mappingAt(site.holder, 'seccompProfile');
      if (profile?.type !== undefined) {
        if (!valid(profile.type)) yield at(site, profile, 'type', message);
      } else if (!valid(podProfile?.type) && site.ref !== undefined) {
        yield { range: containerRange(pod.object, site.ref.container), message: `${message} on the pod or on ${containerLabel(site.ref)}`, ...(fix === undefined ? {} : { fix }) };
      }
    }
  },
});
