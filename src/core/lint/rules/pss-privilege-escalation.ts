import { containerLabel, pssRule } from '../pss-rule.ts';
import { addedCapabilities, containerSetting } from '../security-context.ts';
import { mappingAt } from '../values.ts';

export const pssPrivilegeEscalation = pssRule({
  id: 'pss-privilege-escalation',
  level: 'restricted',
  control: 'Privilege Escalation',
  since: '1.8',
  windowsExempt: true,
  description: 'A container that does not set `securityContext.allowPrivilegeEscalation: false` (unset means true).',
  why: 'setuid binaries and file capabilities let a process gain privileges its parent did not have.',
  fix: 'Set allowPrivilegeEscalation: false.',
  *check(_pod, containers) {
    for (const ref of containers) {
      if (mappingAt(ref.container, 'securityContext')?.allowPrivilegeEscalation === false) continue;
      const { range, fix } = containerSetting(ref, 'allowPrivilegeEscalation', 'false');
      // The API server refuses false beside privileged or CAP_SYS_ADMIN: no fix there.
      const forced = mappingAt(ref.container, 'securityContext')?.privileged === true || addedCapabilities(ref).includes('SYS_ADMIN');
      yield { range, message: `securityContext.allowPrivilegeEscalation must be false on ${containerLabel(ref)}`, ...(fix === undefined || forced ? {} : { fix }) };
    }
  },
});
