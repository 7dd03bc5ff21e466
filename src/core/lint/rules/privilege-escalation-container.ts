import { reportOn } from '../report.ts';
import { addedCapabilities, containerSetting } from '../security-context.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const privilegeEscalationContainer: Rule = {
  id: 'privilege-escalation-container',
  category: 'security',
  severity: 'warning',
  kinds: podKinds,
  description: '`allowPrivilegeEscalation` is not set to false (it is always on for privileged containers and with CAP_SYS_ADMIN).',
  why: 'A process can gain more privileges than its parent (setuid binaries), which most container escapes rely on.',
  fix: 'Set allowPrivilegeEscalation: false.',
  *checkObject(object, context) {
    for (const ref of context.workloads.containers(object)) {
      const securityContext = mappingAt(ref.container, 'securityContext');
      const forced = securityContext?.privileged === true || addedCapabilities(ref).includes('SYS_ADMIN');
      if (securityContext?.allowPrivilegeEscalation === false && !forced) continue;
      const { range, fix } = containerSetting(ref, 'allowPrivilegeEscalation', 'false');
      const message = forced
        ? 'The container can escalate privileges: it is privileged or adds CAP_SYS_ADMIN.'
        : 'The container does not set allowPrivilegeEscalation: false.';
      yield reportOn(object, range, message, forced || fix === undefined ? {} : { fix });
    }
  },
};
