// Will a workload's replicas fit the cluster? Its pod template is placed replica by replica the way
// the scheduler would (filters, then the LeastAllocated choice), against the nodes' allocatable
// minus what their bound pods request.
import type { FitPod, NodeState } from './fit-types.ts';
import { compileRequest, copiesThatFit, fitsEmptyNode, insufficientReasons, leastAllocatedScore } from './node-capacity.ts';
import { nodeFilterReason } from './node-filter.ts';
import { failedSchedulingMessage, nodeReasons } from './schedule-pod.ts';

export interface WorkloadFit {
  readonly requested: number;
  readonly fits: number;
  /** Replicas placed per node name, nodes that got none left out. */
  readonly perNode: Readonly<Record<string, number>>;
  /** The resource most nodes lack for the next replica ("pods" for the pod count); null when all fit or only taints/selectors block. */
  readonly blockedBy: string | null;
  /** No node the pod may run on could hold even one replica when empty. */
  readonly neverFits: boolean;
  /** The FailedScheduling message for the first replica that does not fit. */
  readonly message?: string;
}

interface Candidate {
  readonly state: NodeState;
  readonly capacity: number;
  placed: number;
  score: number;
}

export function fitWorkload(pod: FitPod, replicas: number, nodes: readonly NodeState[]): WorkloadFit {
  const compiled = compileRequest(pod);
  const candidates: Candidate[] = [];
  let neverFits = true;
  for (const state of nodes) {
    if (nodeFilterReason(pod, state.node) !== undefined) continue;
    if (fitsEmptyNode(compiled, state)) neverFits = false;
    const capacity = copiesThatFit(compiled, state, 0, replicas);
    if (capacity > 0) candidates.push({ state, capacity, placed: 0, score: leastAllocatedScore(compiled, state, 0) });
  }
  let fits = 0;
  for (; fits < replicas; fits += 1) {
    let best: Candidate | undefined;
    for (const candidate of candidates) {
      if (candidate.placed < candidate.capacity && (best === undefined || candidate.score > best.score)) best = candidate;
    }
    if (best === undefined) break;
    best.placed += 1;
    best.score = leastAllocatedScore(compiled, best.state, best.placed);
  }
  const perNode: Record<string, number> = {};
  for (const candidate of candidates) if (candidate.placed > 0) perNode[candidate.state.node.name] = candidate.placed;
  const result = { requested: replicas, fits, perNode, neverFits };
  if (fits === replicas) return { ...result, blockedBy: null };

  const placedOn = new Map(candidates.map((candidate) => [candidate.state, candidate.placed]));
  const reasons: Record<string, number> = {};
  for (const state of nodes) {
    for (const reason of nodeReasons(pod, state, () => insufficientReasons(compiled, state, placedOn.get(state) ?? 0))) {
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  }
  return { ...result, blockedBy: mostCommonResource(reasons), message: failedSchedulingMessage(nodes.length, reasons) };
}

function mostCommonResource(reasons: Readonly<Record<string, number>>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [reason, count] of Object.entries(reasons).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const resource = reason === 'Too many pods' ? 'pods' : reason.startsWith('Insufficient ') ? reason.slice('Insufficient '.length) : null;
    if (resource !== null && count > bestCount) {
      best = resource;
      bestCount = count;
    }
  }
  return best;
}
