/**
 * The kubelets of every node: renew each node's Lease every 10 s (leaseDurationSeconds 40, the
 * kubelet's defaults), keep the node Ready while they do, and run the pods bound to it:
 * Pending → Running → Succeeded/Failed, or CrashLoopBackOff / ImagePullBackOff, or ContainerCreating
 * while a ConfigMap or Secret it mounts is missing (FailedMount, retried, and at once when it appears).
 */
import type { Condition, Lease, Node, Pod } from '../objects.ts';
import { setCondition } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { keyOf, modify, splitKey } from './environment.ts';
import { NodeImages, recordKilled, recordPullFailed, recordStarted } from './kubelet-events.ts';
import { behaviourOf } from './pod-behaviour.ts';
import { creatingStatus, startedStatus } from './pod-status.ts';
import { missingSource } from './pod-volumes.ts';

export const leaseNamespace = 'kube-node-lease';
/** kubelet --node-lease-duration-seconds default; it renews every quarter of that (10 s). */
export const leaseDurationSeconds = 40;
const renewEveryMs = 10_000;
/** Image pull and container start, compressed to one second. */
const startDelayMs = 1_000;
/** How often a kubelet retries a pod's missing volume (its pod workers resync about every minute). */
const mountRetryMs = 60_000;
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
  private readonly images = new NodeImages();
  /** Pods waiting for a ConfigMap or Secret to mount, by namespace: pod key → uid. */
  private readonly awaitingVolumes = new Map<string, Map<string, string | undefined>>();

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    this.enqueue = environment.queues.create('kubelet', (key) => this.syncPod(key));
    const { types } = environment;
    environment.store.subscribe((event) => {
      if ((event.resource === types.configMap || event.resource === types.secret) && event.type === 'ADDED') this.volumeAdded(event.object.metadata.namespace ?? '');
      if (event.resource === types.node && event.previous !== undefined) this.schedulableChanged(event.previous, event.object as Node);
      if (event.resource !== types.pod) return;
      const pod = event.object as Pod;
      if (event.type === 'DELETED') {
        if (pod.status?.phase === 'Running' && !this.stopped.has(pod.spec.nodeName ?? '')) recordKilled(environment.events, pod);
        return;
      }
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

  /** A cordon or uncordon, as the node's kubelet reports it (recordNodeSchedulableEvent). */
  private schedulableChanged(before: Partial<Node>, after: Node): void {
    const name = after.metadata.name ?? '';
    // A node posted without a spec has none stored either.
    const unschedulable = (node: Partial<Node>): boolean => node.spec?.unschedulable === true;
    if (unschedulable(before) === unschedulable(after) || this.stopped.has(name)) return;
    const reason = unschedulable(after) ? 'NodeNotSchedulable' : 'NodeSchedulable';
    this.environment.events.record(after, 'Normal', reason, `Node ${name} status is now: ${reason}`, 'kubelet', { host: name });
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
      const updated = modify(this.environment, types.node, node, (copy) => {
        copy.status.conditions = nodeConditions(copy.status.conditions ?? [], clock.timestamp());
      });
      this.environment.events.record(updated, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, 'kubelet', { host: name });
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
    const missing = missingSource(this.environment.store, types, pod, ['configmap', 'secret']);
    if (missing !== undefined) {
      const updated = modify(this.environment, types.pod, pod, (copy) => {
        copy.status = creatingStatus(copy, now, this.hostIp(node));
      });
      events.record(updated, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${missing.volume}" : ${missing.kind} "${missing.name}" not found`, 'kubelet', { host: node });
      this.awaitVolume(key, uid, pod.metadata.namespace ?? '');
      return;
    }
    const updated = modify(this.environment, types.pod, pod, (copy) => {
      copy.status = startedStatus(copy, behaviour.imagePullFails, now, this.hostIp(node), copy.status?.podIP ?? this.podIp(node));
    });
    const failing = behaviour.imagePullFails ? pod.spec.containers.find((container) => /(does-?not-?exist|nonexistent|invalid-image)/.test(container.image ?? '')) : undefined;
    if (failing !== undefined) recordPullFailed(events, updated, failing);
    else recordStarted(events, this.images, updated, startDelayMs / 1000);
  }

  /** Retries a pod waiting for a volume a minute later (the kubelet's resync), counting the FailedMount again. */
  private awaitVolume(key: string, uid: string | undefined, namespace: string): void {
    let waiting = this.awaitingVolumes.get(namespace);
    if (waiting === undefined) this.awaitingVolumes.set(namespace, (waiting = new Map()));
    waiting.set(key, uid);
    this.after(`${key}|${uid ?? ''}`, mountRetryMs, () => this.retryMount(key, uid));
  }

  private volumeAdded(namespace: string): void {
    const waiting = this.awaitingVolumes.get(namespace);
    if (waiting === undefined) return;
    this.awaitingVolumes.delete(namespace);
    for (const [key, uid] of waiting) this.retryMount(key, uid);
  }

  private retryMount(key: string, uid: string | undefined): void {
    const { namespace } = splitKey(key);
    this.awaitingVolumes.get(namespace ?? '')?.delete(key);
    const pod = this.current(key, uid);
    if (pod?.status?.containerStatuses?.[0]?.state['waiting']?.['reason'] === 'ContainerCreating') this.start(key, uid);
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

