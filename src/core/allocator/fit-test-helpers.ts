// Builders shared by the fit tests: nodes and pods from plain strings.
import type { FitContainer, FitNode, FitPod, NodeState } from './fit-types.ts';
import { parseResourceList, type ResourceList } from './resource-list.ts';

export function resources(raw: Record<string, string>): ResourceList {
  const { list, issues } = parseResourceList(raw);
  if (issues.length > 0) throw new Error(`bad test quantity: ${JSON.stringify(issues)}`);
  return list;
}

export function container(requests: Record<string, string>, restartPolicy?: string): FitContainer {
  return { requests: resources(requests), ...(restartPolicy === undefined ? {} : { restartPolicy }) };
}

export function node(name: string, allocatable: Record<string, string>, extra: Partial<FitNode> = {}): FitNode {
  return { name, labels: {}, taints: [], allocatable: resources(allocatable), ...extra };
}

export function state(fitNode: FitNode, requested: Record<string, string> = {}, podCount = 0): NodeState {
  return { node: fitNode, requested: resources(requested), podCount };
}

export function pod(requests: Record<string, string>, extra: Partial<FitPod> = {}): FitPod {
  return { containers: [container(requests)], ...extra };
}
