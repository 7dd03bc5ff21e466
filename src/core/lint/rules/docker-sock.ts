import { hostPathVolumes } from '../host-paths.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

const sockets = ['/var/run/docker.sock', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock'];

export const dockerSock: Rule = {
  id: 'docker-sock',
  category: 'security',
  severity: 'error',
  kinds: podKinds,
  description: `A hostPath volume at ${sockets.map((socket) => `\`${socket}\``).join(', ')}.`,
  why: 'The container runtime socket lets the pod start privileged containers on the node: it is root on the node.',
  *checkObject(object, context) {
    for (const volume of hostPathVolumes(object, context)) {
      if (!sockets.includes(volume.path)) continue;
      yield reportOn(object, volume.range, `The pod mounts the container runtime socket ${volume.path}.`);
    }
  },
};
