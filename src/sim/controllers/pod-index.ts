/**
 * Pods by node with each node's summed effective requests (the allocator's ResourceList), kept
 * from store events: the scheduler's NodeInfo cache, and the pods a node's kubelet or the
 * lifecycle controller act on.
 */
import { fitPodFromSpec } from '../../core/allocator/fit-input.ts';
import { podRequest } from '../../core/allocator/pod-request.ts';
import { addResourceLists, subtractResourceLists, type ResourceList } from '../../core/allocator/resource-list.ts';
import type { Pod, PodSpec } from '../objects.ts';
import type { ResourceType } from '../resources.ts';
import { objectKey, type Store } from '../store.ts';

interface NodeEntry {
  readonly pods: Set<string>;
  requested: ResourceList;
  /** Pods holding resources (not Succeeded or Failed), for the `pods` allocatable. */
  podCount: number;
}

export class PodIndex {
  private readonly nodes = new Map<string, NodeEntry>();
  /** What each pod was counted as, to subtract exactly that when it changes. */
  private readonly counted = new Map<string, { node: string; requests: ResourceList | undefined }>();
  private readonly requests = new WeakMap<object, ResourceList>();

  constructor(store: Store, podType: ResourceType) {
    store.subscribe((event) => {
      if (event.resource !== podType) return;
      const pod = event.object as Pod;
      const key = objectKey(pod.metadata.namespace, pod.metadata.name ?? '');
      const node = pod.spec.nodeName;
      const previous = this.counted.get(key);
      // Bound and not terminated: the pod holds its requests (what boundPodFromObject checks).
      const holds = event.type !== 'DELETED' && node !== undefined && node !== '' && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
      // Most pod updates are status changes that leave node and requests alone: skip the arithmetic.
      if (previous !== undefined && event.type !== 'DELETED' && previous.node === node && (previous.requests !== undefined) === holds) return;
      this.remove(key);
      if (event.type === 'DELETED' || node === undefined || node === '') return;
      const entry = this.entry(node);
      entry.pods.add(key);
      const requests = holds ? this.requestOf(pod.spec) : undefined;
      if (requests !== undefined) {
        entry.requested = addResourceLists(entry.requested, requests);
        entry.podCount += 1;
      }
      this.counted.set(key, { node, requests });
    });
  }

  /** Seeded pods of one template share their containers array: parse its requests once. */
  private requestOf(spec: PodSpec): ResourceList {
    let requests = this.requests.get(spec.containers);
    if (requests === undefined) {
      requests = podRequest(fitPodFromSpec(spec).pod);
      this.requests.set(spec.containers, requests);
    }
    return requests;
  }

  podKeys(node: string): string[] {
    return [...(this.nodes.get(node)?.pods ?? [])];
  }

  state(node: string): { readonly requested: ResourceList; readonly podCount: number } {
    return this.nodes.get(node) ?? { requested: {}, podCount: 0 };
  }

  private remove(key: string): void {
    const previous = this.counted.get(key);
    if (previous === undefined) return;
    const entry = this.entry(previous.node);
    entry.pods.delete(key);
    if (previous.requests !== undefined) {
      entry.requested = subtractResourceLists(entry.requested, previous.requests);
      entry.podCount -= 1;
    }
    this.counted.delete(key);
  }

  private entry(node: string): NodeEntry {
    let entry = this.nodes.get(node);
    if (entry === undefined) {
      entry = { pods: new Set(), requested: {}, podCount: 0 };
      this.nodes.set(node, entry);
    }
    return entry;
  }
}
