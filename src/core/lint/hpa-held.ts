// The request-suggestion finding under an HPA of the file set: a resource the HPA scales on
// (its target is a percentage of the request) is not suggested blindly. The finding says what the
// HPA would do at the suggested request, and the change is offered only as its own, explicit fix.
import { hpaAdvice, HpaIndex, hpaScaling, type HpaScaling, type ScaledResource } from '../allocator/hpa-scaling.ts';
import { parseQuantity, toNumber } from '../allocator/quantity.ts';
import type { KubeObject, RequestSuggestion, RuleContext } from './types.ts';
import { valueAt } from './values.ts';

/** The file set's HPAs on CPU or memory utilisation (for `context.derived`); a manifest without a namespace is ''. */
export function fileSetHpas(context: RuleContext): HpaIndex {
  return new HpaIndex(context.objects.map((object) => hpaScaling(object.value, '')).filter((hpa): hpa is HpaScaling => hpa !== undefined));
}

export function hpaOf(index: HpaIndex, object: KubeObject): HpaScaling | undefined {
  return index.find(object.namespace ?? '', object.name ?? '', object.kind ?? '');
}

function amount(text: string | undefined): number | undefined {
  const parsed = parseQuantity(text ?? '');
  return parsed.ok ? toNumber(parsed.quantity) : undefined;
}

/** Why `resource`'s suggestion is held back, with the replicas the HPA would run when today's usage is known. */
export function hpaHeldText(hpa: HpaScaling, object: KubeObject, suggestion: RequestSuggestion, resource: ScaledResource, current: number | undefined): string {
  const suggested = amount(suggestion.requests[resource]) ?? 0;
  const usagePerPod = amount(suggestion.usage?.[resource]);
  const replicas = valueAt(object.value, 'spec', 'replicas');
  if (usagePerPod === undefined || suggested <= 0) {
    return `HPA ${hpa.name} scales this workload to keep ${resource} at ${hpa.utilization[resource] ?? 0}% of the request: a new request changes how many replicas it runs, so ${suggestion.requests[resource] ?? ''} is offered only as its own fix`;
  }
  const format = (value: number): string => (resource === 'cpu' ? `${Math.round(value * 1000)}m` : `${Math.round(value / 2 ** 20)}Mi`);
  const advice = hpaAdvice(hpa, { resource, replicas: typeof replicas === 'number' && replicas > 0 ? replicas : hpa.minReplicas, current, suggested, usagePerPod, format });
  return advice?.message ?? '';
}
