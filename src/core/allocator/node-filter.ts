// The scheduler's filters besides resources, in its plugin order (NodeUnschedulable,
// TaintToleration, NodeAffinity for nodeSelector); each answers with the reason text the
// scheduler puts into its FailedScheduling event, or undefined when the node passes.
import type { FitNode, FitPod, Taint, Toleration } from './fit-types.ts';

// pkg/scheduler/framework/plugins/nodeunschedulable: cordoned nodes carry this taint implicitly.
const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** core/v1 Toleration.ToleratesTaint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== undefined && toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== undefined && toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
    case '':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

/** The first NoSchedule/NoExecute taint no toleration covers (PreferNoSchedule only scores). */
export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  return taints.find(
    (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((toleration) => toleratesTaint(toleration, taint)),
  );
}

export function matchesNodeSelector(labels: Readonly<Record<string, string>>, selector: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector)) {
    if (labels[key] !== value) return false;
  }
  return true;
}

/** Why the node is filtered out before resources are looked at, in the scheduler's words. */
export function nodeFilterReason(pod: FitPod, node: FitNode): string | undefined {
  const tolerations = pod.tolerations ?? [];
  if (node.unschedulable === true && !tolerations.some((toleration) => toleratesTaint(toleration, UNSCHEDULABLE_TAINT))) {
    return 'node(s) were unschedulable';
  }
  const taint = untoleratedTaint(node.taints, tolerations);
  if (taint !== undefined) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  if (pod.nodeSelector !== undefined && !matchesNodeSelector(node.labels, pod.nodeSelector)) {
    return "node(s) didn't match Pod's node affinity/selector";
  }
  return undefined;
}
