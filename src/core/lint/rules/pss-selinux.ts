import { versionAtLeast } from '../deprecations.ts';
import { at, pssRule, securityContexts } from '../pss-rule.ts';
import { mappingAt } from '../values.ts';

const types = ['', 'container_t', 'container_init_t', 'container_kvm_t'];

export const pssSelinux = pssRule({
  id: 'pss-selinux',
  level: 'baseline',
  control: 'SELinux',
  description: '`seLinuxOptions.type` other than container_t, container_init_t, container_kvm_t (container_engine_t from 1.31), or any `seLinuxOptions.user` or `role`.',
  why: 'A custom SELinux user, role or type can lift the confinement that separates the container from the node.',
  *check(pod, containers, { version }) {
    const allowed = versionAtLeast(version, '1.31') ? [...types, 'container_engine_t'] : types;
    for (const site of securityContexts(pod, containers)) {
      const options = mappingAt(site.holder, 'seLinuxOptions');
      if (options === undefined) continue;
      if (options.type !== undefined && !allowed.includes(String(options.type))) yield at(site, options, 'type', `seLinuxOptions.type must be one of ${allowed.filter(Boolean).join(', ')}`);
      for (const field of ['user', 'role']) {
        if (options[field] !== undefined && options[field] !== '') yield at(site, options, field, `seLinuxOptions.${field} must be unset`);
      }
    }
  },
});
