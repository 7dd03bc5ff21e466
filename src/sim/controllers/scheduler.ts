/**
 * The scheduler: binds each pending pod to a node with the allocator's fit check (resources,
 * taints/tolerations, nodeSelector; least-allocated wins). A pod that fits nowhere stays Pending
 * with PodScheduled=False (Unschedulable) and a FailedScheduling event, and is retried when a
 * node changes or a pod goes away, as the scheduler's unschedulable queue does. A pod whose
 * PersistentVolumeClaim does not exist fits nowhere either (VolumeBinding), until the claim is made.
 */
import { fitNodeFromObject, fitPodFromSpec } from '../../core/allocator/fit-input.ts';
import type { FitNode, NodeState } from '../../core/allocator/fit-types.ts';
import { schedulePod } from '../../core/allocator/schedule-pod.ts';
import type { Pod } from '../objects.ts';
import { setCondition } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { keyOf, modify, splitKey } from './environment.ts';
import { missingSource } from './pod-volumes.ts';

export class Scheduler {
  private readonly environment: ControllerEnvironment;
  private readonly enqueue: (key: string) => void;
  private readonly unschedulable = new Set<string>();
  /** FitNodes by node name and resourceVersion: parsing 5,000 nodes per pod would dominate. */
  private readonly fitNodes = new Map<string, { version: string; node: FitNode | undefined }>();

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    this.enqueue = environment.queues.create('scheduler', (key) => this.schedule(key));
    const { types } = environment;
    environment.store.subscribe((event) => {
      if (event.resource === types.pod) {
        const pod = event.object as Pod;
        if (event.type === 'DELETED') {
          this.unschedulable.delete(keyOf(pod));
          if (pod.spec.nodeName !== undefined) this.retry();
        } else if (pod.spec.nodeName === undefined && pod.metadata.deletionTimestamp === undefined && !this.unschedulable.has(keyOf(pod))) {
          this.enqueue(keyOf(pod));
        }
      } else if (event.resource === types.persistentVolumeClaim) {
        if (event.type === 'ADDED') this.retry();
      } else if (event.resource === types.node) {
        if (event.type === 'DELETED') this.fitNodes.delete(event.object.metadata.name ?? '');
        this.retry();
      }
    });
  }

  private retry(): void {
    for (const key of this.unschedulable) this.enqueue(key);
    this.unschedulable.clear();
  }

  private nodeStates(): NodeState[] {
    const { store, types, pods } = this.environment;
    const states: NodeState[] = [];
    for (const { object } of store.scan(types.node)) {
      const name = object.metadata.name ?? '';
      const known = this.fitNodes.get(name);
      const cached = known?.version === object.metadata.resourceVersion && known !== undefined ? known : { version: object.metadata.resourceVersion ?? '', node: fitNodeFromObject(object).node };
      this.fitNodes.set(name, cached);
      if (cached.node !== undefined) states.push({ node: cached.node, ...pods.state(name) });
    }
    return states;
  }

  private schedule(key: string): void {
    const { store, types, clock, events } = this.environment;
    const { namespace, name } = splitKey(key);
    const pod = store.get(types.pod, namespace, name) as Pod | undefined;
    if (pod === undefined || pod.spec.nodeName !== undefined) return;
    const states = this.nodeStates();
    const claim = missingSource(store, types, pod, ['persistentvolumeclaim']);
    const result = claim === undefined ? schedulePod(fitPodFromSpec(pod.spec).pod, states) : undefined;
    const now = clock.timestamp();
    if (result?.ok === true) {
      const bound = modify(this.environment, types.pod, pod, (copy) => {
        copy.spec.nodeName = result.node;
        copy.status = { ...copy.status, conditions: setCondition(copy.status?.conditions ?? [], { type: 'PodScheduled', status: 'True', lastProbeTime: null }, now) };
      });
      events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${key} to ${result.node}`, 'default-scheduler');
      return;
    }
    this.unschedulable.add(key);
    const nodes = states.length;
    const message =
      result === undefined
        ? `0/${nodes} nodes are available: persistentvolumeclaim "${claim?.name ?? ''}" not found. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`
        : `${result.message} preemption: 0/${nodes} nodes are available: ${nodes} No preemption victims found for incoming pod.`;
    const updated = modify(this.environment, types.pod, pod, (copy) => {
      copy.status = {
        ...copy.status,
        phase: 'Pending',
        conditions: setCondition(copy.status?.conditions ?? [], { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null }, now),
      };
    });
    events.record(updated, 'Warning', 'FailedScheduling', message, 'default-scheduler');
  }
}
