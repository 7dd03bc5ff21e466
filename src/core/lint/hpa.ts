import type { KubeObject, RuleContext } from './types.ts';
import { asText, valueAt } from './values.ts';

export interface HpaTarget {
  readonly hpa: KubeObject;
  readonly kind: string | undefined;
  readonly name: string | undefined;
}

/** The scaleTargetRef of every HorizontalPodAutoscaler in the file set. */
export function hpaTargets(context: RuleContext): HpaTarget[] {
  return context.objects
    .filter((object) => object.kind === 'HorizontalPodAutoscaler')
    .map((hpa) => ({ hpa, kind: asText(valueAt(hpa.value, 'spec', 'scaleTargetRef', 'kind')), name: asText(valueAt(hpa.value, 'spec', 'scaleTargetRef', 'name')) }));
}

/** Whether an HPA (of `hpaTargets`, computed once per rule run) in the same namespace scales the object. */
export function isAutoscaled(targets: readonly HpaTarget[], object: KubeObject): boolean {
  return targets.some((target) => target.hpa.namespace === object.namespace && target.kind === object.kind && target.name === object.name);
}
