import { isLongRunning, missingProbeRule } from '../probes.ts';
import { serviceKinds } from '../workloads.ts';

export const noLivenessProbe = missingProbeRule(
  'no-liveness-probe',
  'livenessProbe',
  [...serviceKinds, 'Pod'],
  isLongRunning,
  'A long-running container (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, or a Pod restarting Always) without `livenessProbe`.',
  'Without a liveness probe a hung process keeps its pod Running for ever: nothing restarts it.',
);
