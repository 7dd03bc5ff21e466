// The resource half of the scheduler's NodeResourcesFit filter (pkg/scheduler/framework/plugins/
// noderesources/fit.go fitsRequest): a request fits when, for every resource it asks for, it is at
// most the node's allocatable minus what bound pods request; and one more pod must stay within the
// node's `pods` allocatable.
import type { FitPod, NodeState } from './fit-types.ts';
import { podRequest } from './pod-request.ts';
import { toNumber } from './quantity.ts';
import type { ResourceList } from './resource-list.ts';

const PODS = 'pods';

/** A pod's effective request, with the resources it asks a positive amount of, ready for many nodes. */
export interface CompiledRequest {
  readonly request: ResourceList;
  readonly positive: readonly (readonly [name: string, nanos: bigint])[];
}

export function compileRequest(pod: FitPod): CompiledRequest {
  const request = podRequest(pod);
  const positive = Object.entries(request)
    .filter(([name, quantity]) => name !== PODS && quantity.nanos > 0n)
    .map(([name, quantity]) => [name, quantity.nanos] as const);
  return { request, positive };
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
  for (const name of ['cpu', 'memory']) {
    const allocatable = state.node.allocatable[name];
    if (allocatable === undefined || allocatable.nanos <= 0n) continue;
    const asked = (compiled.request[name]?.nanos ?? 0n) * BigInt(placed + 1);
    const free = toNumber({ nanos: freeNanos(state, name) - asked, format: 'DecimalSI' });
    score += free / toNumber(allocatable);
  }
  return score / 2;
}
