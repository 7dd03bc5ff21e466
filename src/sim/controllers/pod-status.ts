/** The pod statuses a kubelet writes: containers started (or failing their pull), or still being created. */
import type { ContainerStatus, Pod, PodStatus } from '../objects.ts';
import { setCondition } from '../objects.ts';

/** A pod's status once the kubelet started it (or failed to pull its image). */
export function startedStatus(pod: Pod, imagePullFails: boolean, now: string, hostIP: string, podIP: string): PodStatus {
  const previous = pod.status?.containerStatuses ?? [];
  // After a CrashLoopBackOff wait the container is `waiting`: its last termination is in lastState,
  // and `kubectl logs --previous` still needs it once the container runs again.
  const lastTerminated = (index: number): Record<string, unknown> | undefined => previous[index]?.state['terminated'] ?? previous[index]?.lastState?.['terminated'];
  const containerStatuses: ContainerStatus[] = pod.spec.containers.map((container, index) => ({
    name: container.name,
    image: container.image ?? '',
    imageID: imagePullFails ? '' : `docker.io/library/${container.image ?? ''}@sha256:${'0'.repeat(64)}`,
    ...(imagePullFails ? {} : { containerID: `containerd://${(pod.metadata.uid ?? '').replace(/-/g, '')}${index}` }),
    ready: !imagePullFails,
    started: !imagePullFails,
    restartCount: previous[index]?.restartCount ?? 0,
    state: imagePullFails ? { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${container.image ?? ''}"` } } : { running: { startedAt: now } },
    ...(lastTerminated(index) === undefined ? {} : { lastState: { terminated: lastTerminated(index) } }),
  }));
  let conditions = pod.status?.conditions ?? [];
  for (const type of ['PodReadyToStartContainers', 'Initialized', 'PodScheduled']) conditions = setCondition(conditions, { type, status: 'True', lastProbeTime: null }, now);
  for (const type of ['ContainersReady', 'Ready']) {
    conditions = setCondition(conditions, { type, status: imagePullFails ? 'False' : 'True', lastProbeTime: null, ...(imagePullFails ? { reason: 'ContainersNotReady' } : {}) }, now);
  }
  return {
    ...pod.status,
    phase: imagePullFails ? 'Pending' : 'Running',
    conditions,
    hostIP,
    podIP,
    startTime: pod.status?.startTime ?? now,
    containerStatuses,
    qosClass: pod.status?.qosClass ?? 'Burstable',
  };
}

/** A scheduled pod whose volumes cannot mount yet: Pending, its containers waiting in ContainerCreating. */
export function creatingStatus(pod: Pod, now: string, hostIP: string): PodStatus {
  let conditions = pod.status?.conditions ?? [];
  conditions = setCondition(conditions, { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null }, now);
  for (const type of ['Initialized', 'PodScheduled']) conditions = setCondition(conditions, { type, status: 'True', lastProbeTime: null }, now);
  for (const type of ['ContainersReady', 'Ready']) conditions = setCondition(conditions, { type, status: 'False', reason: 'ContainersNotReady', lastProbeTime: null }, now);
  const containerStatuses: ContainerStatus[] = pod.spec.containers.map((container) => ({
    name: container.name,
    image: container.image ?? '',
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason: 'ContainerCreating' } },
  }));
  return { ...pod.status, phase: 'Pending', conditions, hostIP, startTime: pod.status?.startTime ?? now, containerStatuses, qosClass: pod.status?.qosClass ?? 'Burstable' };
}
