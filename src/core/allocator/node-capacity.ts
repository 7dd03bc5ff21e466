// The resource half of the scheduler's NodeResourcesFit filter (pkg/scheduler/framework/plugins/
// noderesources/fit.go fitsRequest): a request fits when, for every resource it asks for, it is at
// most the node's allocatable minus what bound pods request; and one more pod must stay within the
// node's `pods` allocatable.
import type { FitPod, NodeState } from './fit-types.ts';
import { podRequest } from './pod-request.ts';
import { toNumber } from './quantity.ts';

const PODS = 'pods';

// pkg/scheduler/util/pod_resources.go: for scoring only, a pod that requests no CPU or memory
// counts as 100m and 200 MiB, so such pods still spread instead of piling onto one node.
const SCORING_DEFAULT = { cpu: 0.1, memory: 200 * 2 ** 20 } as const;

/** A pod's effective request, with the resources it asks a positive amount of, ready for many nodes. */
export interface CompiledRequest {
  readonly positive: readonly (readonly [name: string, nanos: bigint])[];
  /** CPU cores and memory bytes as the scoring sees them. */
  readonly scoring: { readonly cpu: number; readonly memory: number };
}

export function compileRequest(pod: FitPod): CompiledRequest {
  const request = podRequest(pod);
  const positive = Object.entries(request)
    .filter(([name, quantity]) => name !== PODS && quantity.nanos > 0n)
    .map(([name, quantity]) => [name, quantity.nanos] as const);
  const scored = (name: 'cpu' | 'memory') => {
    const quantity = request[name];
    return quantity === undefined || quantity.nanos <= 0n ? SCORING_DEFAULT[name] : toNumber(quantity);
  };
  return { positive, scoring: { cpu: scored('cpu'), memory: scored('memory') } };
}

function freeNanos(state: NodeState, resource: string): bigint {
  return (state.node.allocatable[resource]?.nanos ?? 0n) - (state.requested[resource]?.nanos ?? 0n);
}

/** How many more copies fit after `placed` copies went to the node already (at most `limit`). */
export function copiesThatFit(compiled: CompiledRequest, state: NodeState, placed: number, limit: number): number {
  let count = BigInt(limit);
  const pods = state.node.allocatable[PODS];
  if (pods !== undefined) {
    const slots = pods.nanos / 1_000_000_000n - BigInt(state.podCount + placed);
    if (slots < count) count = slots;
  }
  for (const [name, nanos] of compiled.positive) {
    const copies = (freeNanos(state, name) - nanos * BigInt(placed)) / nanos;
    if (copies < count) count = copies;
  }
  return count > 0n ? Number(count) : 0;
}

/**
 * Why one more copy does not fit, in the scheduler's words ("Too many pods", "Insufficient cpu"),
 * after `placed` copies; empty when it fits.
 */
export function insufficientReasons(compiled: CompiledRequest, state: NodeState, placed: number): string[] {
  const reasons: string[] = [];
  const pods = state.node.allocatable[PODS];
  if (pods !== undefined && BigInt(state.podCount + placed + 1) * 1_000_000_000n > pods.nanos) reasons.push('Too many pods');
  for (const [name, nanos] of compiled.positive) {
    if (nanos * BigInt(placed + 1) > freeNanos(state, name)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

/** Whether the request could fit on the empty node at all (`neverFits` when no node can). */
export function fitsEmptyNode(compiled: CompiledRequest, state: NodeState): boolean {
  return compiled.positive.every(([name, nanos]) => nanos <= (state.node.allocatable[name]?.nanos ?? 0n));
}

/**
 * The default scoring strategy, LeastAllocated over cpu and memory with equal weights
 * (noderesources/least_allocated.go): the share left free after placing one more copy.
 */
export function leastAllocatedScore(compiled: CompiledRequest, state: NodeState, placed: number): number {
  let score = 0;
  for (const name of ['cpu', 'memory'] as const) {
    const allocatable = state.node.allocatable[name];
    if (allocatable === undefined || allocatable.nanos <= 0n) continue;
    const free = Number(freeNanos(state, name)) / 1e9 - compiled.scoring[name] * (placed + 1);
    score += free / toNumber(allocatable);
  }
  return score / 2;
}
