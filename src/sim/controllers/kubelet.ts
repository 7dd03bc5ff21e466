/**
 * The kubelets of every node: renew each node's Lease every 10 s (leaseDurationSeconds 40, the
 * kubelet's defaults), keep the node Ready while they do, and run the pods bound to it:
 * Pending → Running → Succeeded/Failed, or CrashLoopBackOff / ImagePullBackOff.
 */
import type { Condition, ContainerStatus, Lease, Node, Pod, PodStatus } from '../objects.ts';
import { setCondition } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { keyOf, modify, splitKey } from './environment.ts';
import { behaviourOf } from './pod-behaviour.ts';

export const leaseNamespace = 'kube-node-lease';
/** kubelet --node-lease-duration-seconds default; it renews every quarter of that (10 s). */
export const leaseDurationSeconds = 40;
const renewEveryMs = 10_000;
/** Image pull and container start, compressed to one second. */
const startDelayMs = 1_000;
/** CrashLoopBackOff: 10 s doubling to 5 min, as the kubelet backs off. */
const backoff = (restarts: number): number => Math.min(300_000, 10_000 * 2 ** Math.max(0, restarts - 1));

export class Kubelets {
  private readonly environment: ControllerEnvironment;
  private readonly stopped = new Set<string>();
  /** Pod keys (with uid) that have a start or exit timer pending. */
  private readonly timers = new Set<string>();
  private readonly nextIp = new Map<string, number>();
  private slot = 0;
  private readonly enqueue: (key: string) => void;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    this.enqueue = environment.queues.create('kubelet', (key) => this.syncPod(key));
    environment.store.subscribe((event) => {
      if (event.resource !== environment.types.pod || event.type === 'DELETED') return;
      const pod = event.object as Pod;
      // A pod stored already Running was seeded so, with nothing left for a kubelet to do at start.
      if (event.type === 'ADDED' && pod.status?.phase === 'Running') return;
      if (pod.spec.nodeName !== undefined) this.enqueue(keyOf(pod));
    });
    // Ten slots of one second: each node renews once per 10 s, spread so 5,000 nodes do not renew at once.
    environment.clock.setInterval(() => this.renewSlot(), renewEveryMs / 10);
  }

  setHeartbeat(node: string, running: boolean): void {
    if (running) {
      this.stopped.delete(node);
      this.renew(node);
      for (const key of this.environment.pods.podKeys(node)) this.enqueue(key);
    } else {
      this.stopped.add(node);
    }
  }

  heartbeatStopped(node: string): boolean {
    return this.stopped.has(node);
  }

  private renewSlot(): void {
    const slot = this.slot;
    this.slot = (this.slot + 1) % 10;
    let index = 0;
    for (const { object } of this.environment.store.scan(this.environment.types.node)) {
      if (index % 10 === slot && !this.stopped.has(object.metadata.name ?? '')) this.renew(object.metadata.name ?? '');
      index += 1;
    }
  }

  /** Renews the node's Lease (creating it the first time) and posts Ready when the node was not. */
  renew(name: string): void {
    const { store, types, clock } = this.environment;
    const node = store.get(types.node, undefined, name) as Node | undefined;
    if (node === undefined) return;
    const lease = store.get(types.lease, leaseNamespace, name) as Lease | undefined;
    const renewTime = clock.microTimestamp();
    if (lease === undefined) {
      store.create(types.lease, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name, namespace: leaseNamespace, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }] },
        spec: { holderIdentity: name, leaseDurationSeconds, renewTime },
      });
    } else {
      store.update(types.lease, { ...lease, spec: { ...lease.spec, renewTime } });
    }
    const ready = node.status.conditions?.find((condition) => condition.type === 'Ready');
    if (ready?.status !== 'True') {
      modify(this.environment, types.node, node, (copy) => {
        copy.status.conditions = nodeConditions(copy.status.conditions ?? [], clock.timestamp());
      });
    }
  }

  private syncPod(key: string): void {
    const { store, types } = this.environment;
    const { namespace, name } = splitKey(key);
    const pod = store.get(types.pod, namespace, name) as Pod | undefined;
    const node = pod?.spec.nodeName;
    if (pod === undefined || node === undefined || this.stopped.has(node) || pod.metadata.deletionTimestamp !== undefined) return;
    const timerKey = `${key}|${pod.metadata.uid ?? ''}`;
    if (this.timers.has(timerKey)) return;
    const phase = pod.status?.phase ?? 'Pending';
    const behaviour = behaviourOf(pod);
    const waiting = pod.status?.containerStatuses?.[0]?.state['waiting']?.['reason'];
    if (phase === 'Pending' && waiting !== 'ImagePullBackOff') this.after(timerKey, startDelayMs, () => this.start(key, pod.metadata.uid));
    else if (phase === 'Running' && waiting === 'CrashLoopBackOff') {
      this.after(timerKey, backoff(pod.status?.containerStatuses?.[0]?.restartCount ?? 1), () => this.start(key, pod.metadata.uid));
    } else if (phase === 'Running' && behaviour.runSeconds !== undefined && waiting === undefined) {
      const started = Date.parse(String(pod.status?.containerStatuses?.[0]?.state['running']?.['startedAt'] ?? pod.status?.startTime ?? ''));
      const remaining = Math.max(0, started + behaviour.runSeconds * 1000 - this.environment.clock.now());
      this.after(timerKey, remaining, () => this.exit(key, pod.metadata.uid));
    }
  }

  private after(timerKey: string, delay: number, run: () => void): void {
    this.timers.add(timerKey);
    this.environment.clock.setTimeout(() => {
      this.timers.delete(timerKey);
      run();
    }, delay);
  }

  private current(key: string, uid: string | undefined): Pod | undefined {
    const { namespace, name } = splitKey(key);
    const pod = this.environment.store.get(this.environment.types.pod, namespace, name) as Pod | undefined;
    if (pod === undefined || pod.metadata.uid !== uid || this.stopped.has(pod.spec.nodeName ?? '')) return undefined;
    return pod;
  }

  private start(key: string, uid: string | undefined): void {
    const pod = this.current(key, uid);
    if (pod === undefined) return;
    const { clock, types, events } = this.environment;
    const now = clock.timestamp();
    const behaviour = behaviourOf(pod);
    const node = pod.spec.nodeName ?? '';
    const updated = modify(this.environment, types.pod, pod, (copy) => {
      copy.status = startedStatus(copy, behaviour.imagePullFails, now, this.hostIp(node), copy.status?.podIP ?? this.podIp(node));
    });
    const image = pod.spec.containers[0]?.image ?? '';
    if (behaviour.imagePullFails) events.record(updated, 'Warning', 'Failed', `Failed to pull image "${image}": not found`, 'kubelet');
    else events.record(updated, 'Normal', 'Started', `Started container ${pod.spec.containers[0]?.name ?? ''}`, 'kubelet');
  }

  private exit(key: string, uid: string | undefined): void {
    const pod = this.current(key, uid);
    if (pod === undefined || pod.status?.phase !== 'Running') return;
    const { clock, types, events } = this.environment;
    const now = clock.timestamp();
    const { exitCode } = behaviourOf(pod);
    const restarts = pod.spec.restartPolicy === 'Always' || pod.spec.restartPolicy === undefined;
    const terminated = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: pod.status.containerStatuses?.[0]?.state['running']?.['startedAt'], finishedAt: now };
    const updated = modify(this.environment, types.pod, pod, (copy) => {
      const statuses = (copy.status?.containerStatuses ?? []).map((status) => ({
        ...status,
        ready: false,
        started: false,
        restartCount: status.restartCount + (restarts ? 1 : 0),
        state: restarts ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off restarting failed container ${status.name}` } } : { terminated },
        ...(restarts ? { lastState: { terminated } } : {}),
      }));
      let conditions = copy.status?.conditions ?? [];
      for (const type of ['ContainersReady', 'Ready']) conditions = setCondition(conditions, { type, status: 'False', reason: restarts ? 'ContainersNotReady' : exitCode === 0 ? 'PodCompleted' : 'PodFailed', lastProbeTime: null }, now);
      copy.status = { ...copy.status, phase: restarts ? 'Running' : exitCode === 0 ? 'Succeeded' : 'Failed', conditions, containerStatuses: statuses };
    });
    if (restarts) events.record(updated, 'Warning', 'BackOff', `Back-off restarting failed container ${pod.spec.containers[0]?.name ?? ''}`, 'kubelet');
  }

  private hostIp(node: string): string {
    const stored = this.environment.store.get(this.environment.types.node, undefined, node) as Node | undefined;
    return stored?.status.addresses?.find((address) => address.type === 'InternalIP')?.address ?? '10.0.0.1';
  }

  /** The next address of the node's podCIDR (a /24), skipping .0 and .1. */
  private podIp(node: string): string {
    const stored = this.environment.store.get(this.environment.types.node, undefined, node) as Node | undefined;
    const prefix = (stored?.spec.podCIDR ?? '10.244.0.0/24').split('.').slice(0, 3).join('.');
    const next = ((this.nextIp.get(node) ?? 0) % 252) + 1;
    this.nextIp.set(node, next);
    return `${prefix}.${next + 1}`;
  }
}

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

/** The four node conditions a healthy kubelet posts (k8s.io/kubernetes pkg/kubelet/nodestatus). */
export function nodeConditions(current: Condition[], now: string): Condition[] {
  let conditions = current;
  const healthy: [string, 'True' | 'False', string, string][] = [
    ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
  ];
  for (const [type, status, reason, message] of healthy) conditions = setCondition(conditions, { type, status, reason, message, lastHeartbeatTime: now }, now);
  return conditions;
}

