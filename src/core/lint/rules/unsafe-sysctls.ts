import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { asList, asText, mappingAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

// The kubelet's safe set (pkg/kubelet/sysctl/safe_sysctls.go), as listed in LINT-RULES.md.
const safe = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];

export const unsafeSysctls: Rule = {
  id: 'unsafe-sysctls',
  category: 'security',
  severity: 'error',
  kinds: podKinds,
  description: '`securityContext.sysctls` names a sysctl outside the kubelet\'s safe set.',
  why: 'Unsafe sysctls affect the whole node (other pods included); the kubelet refuses the pod unless explicitly allowed.',
  *checkObject(object, context) {
    for (const entry of asList(mappingAt(context.workloads.pod(object)?.spec, 'securityContext')?.sysctls)) {
      const name = asText(mappingAt(entry)?.name);
      if (name === undefined || safe.includes(name)) continue;
      yield reportOn(object, rangeIn(object, entry, 'name'), `The sysctl ${name} is not in the safe set.`);
    }
  },
};
