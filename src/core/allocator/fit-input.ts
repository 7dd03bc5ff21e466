// Kubernetes JSON (what `kubectl get -o json` prints, what the simulator stores, what a manifest
// holds) turned into the fit check's plain inputs. Unreadable quantities are reported, not guessed.
import type { FitContainer, FitNode, FitPod, NodeState, Taint, Toleration } from './fit-types.ts';
import { podRequest } from './pod-request.ts';
import { parseResourceList, sumResourceLists, type ResourceList } from './resource-list.ts';

export interface InputIssue {
  /** Where, as a dotted path from the object given (`containers[0].resources.requests.cpu`). */
  readonly path: string;
  readonly message: string;
}

type JsonObject = Readonly<Record<string, unknown>>;

function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringMap(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asObject(value)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function resourceList(value: unknown, path: string, issues: InputIssue[]): ResourceList {
  const parsed = parseResourceList(value);
  for (const issue of parsed.issues) issues.push({ path: `${path}.${issue.resource}`, message: issue.reason });
  return parsed.list;
}

function container(value: unknown, path: string, issues: InputIssue[]): FitContainer {
  const resources = asObject(asObject(value).resources);
  const limits = resourceList(resources.limits, `${path}.resources.limits`, issues);
  const requests = resourceList(resources.requests, `${path}.resources.requests`, issues);
  const restartPolicy = asString(asObject(value).restartPolicy);
  const name = asString(asObject(value).name);
  // API defaulting: a resource with a limit and no request is requested at its limit.
  return { ...(name === undefined ? {} : { name }), requests: { ...limits, ...requests }, ...(restartPolicy === undefined ? {} : { restartPolicy }) };
}

/** A pod spec (or a workload's `spec.template.spec`) as the fit check sees it. */
export function fitPodFromSpec(spec: unknown): { pod: FitPod; issues: InputIssue[] } {
  const source = asObject(spec);
  const issues: InputIssue[] = [];
  const containers = asArray(source.containers).map((entry, index) => container(entry, `containers[${index}]`, issues));
  const initContainers = asArray(source.initContainers).map((entry, index) => container(entry, `initContainers[${index}]`, issues));
  const tolerations: Toleration[] = asArray(source.tolerations).map((entry) => {
    const toleration = asObject(entry);
    return {
      key: asString(toleration.key) ?? '',
      operator: asString(toleration.operator) ?? 'Equal',
      value: asString(toleration.value) ?? '',
      effect: asString(toleration.effect) ?? '',
    };
  });
  const pod: FitPod = {
    containers,
    initContainers,
    overhead: resourceList(source.overhead, 'overhead', issues),
    tolerations,
    nodeSelector: stringMap(source.nodeSelector),
  };
  return { pod, issues };
}

/** A Node object; undefined without a name. Allocatable falls back to capacity, as the kubelet does. */
export function fitNodeFromObject(object: unknown): { node: FitNode | undefined; issues: InputIssue[] } {
  const source = asObject(object);
  const name = asString(asObject(source.metadata).name);
  const spec = asObject(source.spec);
  const status = asObject(source.status);
  const issues: InputIssue[] = [];
  if (name === undefined) return { node: undefined, issues: [{ path: 'metadata.name', message: 'a node without a name' }] };
  const taints: Taint[] = asArray(spec.taints).map((entry) => {
    const taint = asObject(entry);
    return { key: asString(taint.key) ?? '', value: asString(taint.value) ?? '', effect: asString(taint.effect) ?? '' };
  });
  const allocatableSource = status.allocatable ?? status.capacity;
  const node: FitNode = {
    name,
    labels: stringMap(asObject(source.metadata).labels),
    taints,
    allocatable: resourceList(allocatableSource, 'status.allocatable', issues),
    unschedulable: spec.unschedulable === true,
  };
  return { node, issues };
}

/** A Pod object bound to a node and still holding its resources (not Succeeded or Failed). */
export function boundPodFromObject(object: unknown): { nodeName: string; pod: FitPod } | undefined {
  const source = asObject(object);
  const spec = asObject(source.spec);
  const nodeName = asString(spec.nodeName);
  const phase = asString(asObject(source.status).phase);
  if (nodeName === undefined || nodeName === '' || phase === 'Succeeded' || phase === 'Failed') return undefined;
  return { nodeName, pod: fitPodFromSpec(spec).pod };
}

/** Nodes with the effective requests of their bound pods summed. */
export function nodeStates(nodes: readonly FitNode[], boundPods: readonly { nodeName: string; pod: FitPod }[]): NodeState[] {
  const requestsByNode = new Map<string, ResourceList[]>();
  for (const { nodeName, pod } of boundPods) {
    const list = requestsByNode.get(nodeName) ?? [];
    list.push(podRequest(pod));
    requestsByNode.set(nodeName, list);
  }
  return nodes.map((node) => {
    const requests = requestsByNode.get(node.name) ?? [];
    return { node, requested: sumResourceLists(requests), podCount: requests.length };
  });
}
