import { containerLabel, pssRule } from '../pss-rule.ts';
import { rangeIn } from '../ranges.ts';
import { mappingAt } from '../values.ts';

// Handlers whose `host` the kubelet would connect to instead of the pod's own IP.
const handlers: readonly (readonly string[])[] = [
  ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probe) => [[probe, 'httpGet'], [probe, 'tcpSocket']]),
  ...['postStart', 'preStop'].flatMap((hook) => [['lifecycle', hook, 'httpGet'], ['lifecycle', hook, 'tcpSocket']]),
];

export const pssHostProbes = pssRule({
  id: 'pss-host-probes',
  level: 'baseline',
  control: 'Host Probes / Lifecycle Hooks',
  since: '1.34',
  description: 'A probe or lifecycle hook whose `httpGet.host` or `tcpSocket.host` is set.',
  why: 'The kubelet connects to that host from the node: a pod can make it reach addresses the pod itself cannot.',
  *check(pod, containers) {
    for (const ref of containers) {
      for (const path of handlers) {
        const handler = mappingAt(ref.container, ...path);
        if (handler?.host === undefined || handler.host === '') continue;
        yield { range: rangeIn(pod.object, handler, 'host'), message: `${path.join('.')}.host must be unset on ${containerLabel(ref)}` };
      }
    }
  },
});
