import { versionAtLeast } from '../deprecations.ts';
import { pssRule } from '../pss-rule.ts';
import { rangeIn } from '../ranges.ts';
import { asList, asText, mappingAt } from '../values.ts';

// The policy's safe set grew with the kubelet's: [since, names].
const safeSets: readonly (readonly [string, readonly string[]])[] = [
  ['1.0', ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range']],
  ['1.27', ['net.ipv4.ip_local_reserved_ports']],
  ['1.29', ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  ['1.32', ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
];

export const pssSysctls = pssRule({
  id: 'pss-sysctls',
  level: 'baseline',
  control: 'Sysctls',
  description: '`securityContext.sysctls` names a sysctl outside the safe set of the policy version.',
  why: 'Other sysctls are not namespaced or not isolated: they change the node for every pod on it.',
  *check(pod, _containers, { version }) {
    const safe = safeSets.filter(([since]) => versionAtLeast(version, since)).flatMap(([, names]) => names);
    for (const entry of asList(mappingAt(pod.spec, 'securityContext')?.sysctls)) {
      const name = asText(mappingAt(entry)?.name);
      if (name !== undefined && !safe.includes(name)) yield { range: rangeIn(pod.object, entry, 'name'), message: `the sysctl ${name} is not in the safe set of policy ${version}` };
    }
  },
});
