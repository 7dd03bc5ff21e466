import { rangeIn } from '../ranges.ts';
import { pssRule } from '../pss-rule.ts';
import { asList, asMapping } from '../values.ts';

export const pssHostPathVolumes = pssRule({
  id: 'pss-host-path-volumes',
  level: 'baseline',
  control: 'HostPath Volumes',
  // Under restricted, pss-volume-types reports hostPath with the other volume types.
  overriddenFrom: '1.0',
  description: 'A `hostPath` volume.',
  why: 'A hostPath volume exposes the node\'s file system: its credentials, its container runtime, other pods\' data.',
  *check(pod) {
    for (const item of asList(pod.spec.volumes)) {
      const volume = asMapping(item);
      if (volume?.hostPath !== undefined) yield { range: rangeIn(pod.object, volume, 'hostPath', 'key'), message: `volume ${String(volume.name)}: hostPath volumes are forbidden` };
    }
  },
});
