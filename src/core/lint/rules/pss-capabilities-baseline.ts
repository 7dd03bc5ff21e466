import { at, pssRule, securityContexts } from '../pss-rule.ts';
import { asList, mappingAt } from '../values.ts';

// The container runtimes' default set; the admission controller compares names as written (no CAP_ prefix).
const allowed = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];

export const pssCapabilitiesBaseline = pssRule({
  id: 'pss-capabilities-baseline',
  level: 'baseline',
  control: 'Capabilities',
  overriddenFrom: '1.22',
  description: `\`capabilities.add\` holds a capability outside the runtime's default set (${allowed.join(', ')}).`,
  why: 'Capabilities beyond the default set (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, ...) each open a way onto the node.',
  *check(pod, containers) {
    for (const site of securityContexts(pod, containers).slice(1)) {
      const add = mappingAt(site.holder, 'capabilities')?.add;
      for (const [index, entry] of asList(add).entries()) {
        if (!allowed.includes(String(entry))) yield at(site, add, index, `capabilities.add may not hold ${String(entry)}`);
      }
    }
  },
});
