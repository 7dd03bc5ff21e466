// The fit check on what the watch cache holds, for the editor: nodes' allocatable minus what their
// bound pods request, then "how many replicas of this workload fit" in one sentence. The slim models
// keep cpu, memory and the pod count (extended resources are the CLI's `fit`).
import { fitPodFromSpec } from '../allocator/fit-input.ts';
import type { NodeState } from '../allocator/fit-types.ts';
import { fitWorkload, type WorkloadFit } from '../allocator/fit-workload.ts';
import { quantityFromNumber } from '../allocator/quantity.ts';
import type { ResourceList } from '../allocator/resource-list.ts';
import { workloadTemplate } from '../allocator/workload-template.ts';
import type { Resources, SlimNode } from './node-model.ts';
import type { SlimPod } from './pod-model.ts';

/** A pod limit of 0 means the node did not say: the pod count is then not checked. */
function resourceList(resources: Resources): ResourceList {
  return {
    cpu: quantityFromNumber(resources.cpu, 'DecimalSI', 0.001),
    memory: quantityFromNumber(resources.memoryBytes, 'BinarySI', 1),
    ...(resources.pods > 0 ? { pods: quantityFromNumber(resources.pods, 'DecimalSI', 1) } : {}),
  };
}

/** Every node with the requests of the pods bound to it that still hold resources, except `ignored` ones. */
export function nodeStatesFromCache(nodes: Iterable<SlimNode>, pods: Iterable<SlimPod>, ignored: ReadonlySet<string> = new Set()): NodeState[] {
  const requested = new Map<string, { cpu: number; memoryBytes: number; pods: number }>();
  for (const pod of pods) {
    if (pod.nodeName === '' || pod.phase === 'Succeeded' || pod.phase === 'Failed' || ignored.has(pod.meta.uid)) continue;
    const sum = requested.get(pod.nodeName) ?? { cpu: 0, memoryBytes: 0, pods: 0 };
    sum.cpu += pod.requestCpu;
    sum.memoryBytes += pod.requestMemoryBytes;
    sum.pods += 1;
    requested.set(pod.nodeName, sum);
  }
  return [...nodes].map((node) => {
    const sum = requested.get(node.meta.name) ?? { cpu: 0, memoryBytes: 0, pods: 0 };
    return {
      node: { name: node.meta.name, labels: node.meta.labels, taints: node.taints, allocatable: resourceList(node.allocatable), unschedulable: node.unschedulable },
      requested: resourceList({ ...sum, pods: 0 }),
      podCount: sum.pods,
    };
  });
}

export interface FitSummary {
  readonly workload: string;
  readonly fit: WorkloadFit;
  /** Every replica fits. */
  readonly ok: boolean;
  readonly text: string;
}

/** How the replicas of a workload manifest fit; undefined for objects that run no fixed number of pods (DaemonSets, Services, ...). */
export function fitSummary(object: unknown, nodes: readonly NodeState[]): FitSummary | undefined {
  const template = workloadTemplate(object);
  if (template === undefined || template.replicas === undefined || template.replicas === 0) return undefined;
  const fit = fitWorkload(fitPodFromSpec(template.podSpec).pod, template.replicas, nodes);
  const workload = `${template.kind} ${template.name}`;
  const blocked = fit.blockedBy === null ? 'taints or node selectors block the rest' : `${fit.blockedBy} blocks the rest`;
  const text = fit.neverFits
    ? `${workload}: no node can hold even one replica${fit.blockedBy === null ? '' : ` (its ${fit.blockedBy} request is above every node's allocatable)`}`
    : fit.fits === fit.requested
      ? `${workload}: all ${fit.requested} replicas fit the nodes' free capacity (on ${Object.keys(fit.perNode).length} nodes)`
      : `${workload}: only ${fit.fits} of ${fit.requested} replicas fit the nodes' free capacity; ${blocked}`;
  return { workload, fit, ok: fit.fits === fit.requested, text };
}
