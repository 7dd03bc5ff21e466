// The cluster's HPAs and VPAs as the right-sizing rows ask for them, once the usage service has
// listed them (undefined until then: rows without the guardrails' autoscaler parts).
import type { ClusterAutoscalers } from '../../cluster/usage/autoscalers.ts';
import type { Autoscalers } from '../../core/editor-core.ts';

export function autoscalerLookups(autoscalers: ClusterAutoscalers | undefined): Autoscalers {
  if (autoscalers === undefined) return {};
  return {
    hpaOf: (namespace, workload, kind) => autoscalers.hpas.find(namespace, workload, kind),
    vpaOf: (namespace, workload, kind) => autoscalers.vpas.find(namespace, workload, kind),
  };
}
