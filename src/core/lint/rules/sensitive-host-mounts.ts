import { hostPathVolumes } from '../host-paths.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

const sensitive = ['/etc', '/root', '/proc', '/sys', '/boot', '/dev', '/var/lib/kubelet', '/var/lib/docker', '/var/run'];

export const sensitiveHostMounts: Rule = {
  id: 'sensitive-host-mounts',
  category: 'security',
  severity: 'error',
  kinds: podKinds,
  description: `A hostPath volume at exactly \`/\`, or at or under ${sensitive.map((path) => `\`${path}\``).join(', ')}.`,
  why: "These paths hold the node's credentials, kernel interfaces and the kubelet's state: mounting them hands the node over.",
  *checkObject(object, context) {
    for (const volume of hostPathVolumes(object, context)) {
      const hit = volume.path === '/' || sensitive.some((path) => volume.path === path || volume.path.startsWith(`${path}/`));
      if (!hit) continue;
      yield reportOn(object, volume.range, `The pod mounts the sensitive host path ${volume.path}.`);
    }
  },
};
