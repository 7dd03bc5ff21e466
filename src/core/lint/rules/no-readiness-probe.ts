import { isLongRunning, missingProbeRule } from '../probes.ts';

export const noReadinessProbe = missingProbeRule(
  'no-readiness-probe',
  'readinessProbe',
  ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod'],
  isLongRunning,
  'A Deployment, StatefulSet, DaemonSet or ReplicaSet container, or one of a bare Pod restarting Always, without `readinessProbe`.',
  'Without a readiness probe the Service sends traffic to a pod as soon as it starts, and rollouts proceed before the new version works.',
);
