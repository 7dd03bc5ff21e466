import { missingProbeRule } from '../probes.ts';

export const noReadinessProbe = missingProbeRule(
  'no-readiness-probe',
  'readinessProbe',
  ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  () => true,
  'A Deployment, StatefulSet, DaemonSet or ReplicaSet container without `readinessProbe`.',
  'Without a readiness probe the Service sends traffic to a pod as soon as it starts, and rollouts proceed before the new version works.',
);
