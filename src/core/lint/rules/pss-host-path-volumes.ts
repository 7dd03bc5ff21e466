import { pssRule, volumeSourceViolations } from '../pss-rule.ts';

export const pssHostPathVolumes = pssRule({
  id: 'pss-host-path-volumes',
  level: 'baseline',
  control: 'HostPath Volumes',
  // Under restricted, pss-volume-types reports hostPath with the other volume types.
  overriddenFrom: '1.0',
  description: 'A `hostPath` volume.',
  why: 'A hostPath volume exposes the node\'s file system: its credentials, its container runtime, other pods\' data.',
  check: (pod) => volumeSourceViolations(pod, ['hostPath']),
});
