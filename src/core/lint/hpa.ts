import type { RuleContext, SetObject } from './types.ts';
import { asText, valueAt } from './values.ts';

export interface HpaTarget {
  readonly hpa: SetObject;
  readonly kind: string | undefined;
  readonly name: string | undefined;
}

/** The scaleTargetRef of a HorizontalPodAutoscaler. */
export function hpaTarget(hpa: SetObject): HpaTarget {
  return { hpa, kind: asText(valueAt(hpa.value, 'spec', 'scaleTargetRef', 'kind')), name: asText(valueAt(hpa.value, 'spec', 'scaleTargetRef', 'name')) };
}

/** The scaleTargetRef of every HorizontalPodAutoscaler in the file set (for `context.derived`). */
export function hpaTargets(context: RuleContext): HpaTarget[] {
  return context.objects.filter((object) => object.kind === 'HorizontalPodAutoscaler').map(hpaTarget);
}

/** Whether an HPA (of `hpaTargets`) in the same namespace scales the object. */
export function isAutoscaled(targets: readonly HpaTarget[], object: SetObject): boolean {
  return targets.some((target) => target.hpa.namespace === object.namespace && target.kind === object.kind && target.name === object.name);
}
