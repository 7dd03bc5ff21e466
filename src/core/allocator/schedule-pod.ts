// One scheduling decision, as the simulator's scheduler needs it: the nodes that pass the filters,
// the chosen one, or the FailedScheduling message the real scheduler would record.
import type { FitPod, NodeState } from './fit-types.ts';
import { compileRequest, insufficientReasons, leastAllocatedScore } from './node-capacity.ts';
import { nodeFilterReason } from './node-filter.ts';

export type ScheduleResult =
  | { readonly ok: true; readonly node: string; readonly feasible: readonly string[] }
  | { readonly ok: false; readonly message: string; readonly reasons: Readonly<Record<string, number>> };

/** The reasons of one node: the first failing filter, resources last (the plugin order). */
export function nodeReasons(pod: FitPod, state: NodeState, reasonsForResources: () => string[]): string[] {
  const filtered = nodeFilterReason(pod, state.node);
  return filtered === undefined ? reasonsForResources() : [filtered];
}

/**
 * "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint {k: v}." — the
 * scheduler's FitError text: each reason with its node count, sorted as strings.
 */
export function failedSchedulingMessage(nodeCount: number, reasons: Readonly<Record<string, number>>): string {
  const parts = Object.entries(reasons).map(([reason, count]) => `${count} ${reason}`).sort();
  return `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
}

/**
 * Places one pod: every node that passes the filters is feasible; the one with the most capacity
 * left (LeastAllocated) is chosen, the first of equals in input order where the real scheduler
 * picks at random.
 */
export function schedulePod(pod: FitPod, nodes: readonly NodeState[]): ScheduleResult {
  const compiled = compileRequest(pod);
  const feasible: NodeState[] = [];
  const reasons: Record<string, number> = {};
  for (const state of nodes) {
    const nodeFailures = nodeReasons(pod, state, () => insufficientReasons(compiled, state, 0));
    if (nodeFailures.length === 0) feasible.push(state);
    for (const reason of nodeFailures) reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  let best: NodeState | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const state of feasible) {
    const score = leastAllocatedScore(compiled, state, 0);
    if (score > bestScore) {
      best = state;
      bestScore = score;
    }
  }
  if (best === undefined) {
    return { ok: false, message: failedSchedulingMessage(nodes.length, reasons), reasons };
  }
  return { ok: true, node: best.node.name, feasible: feasible.map((state) => state.node.name) };
}
