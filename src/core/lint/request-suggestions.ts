// A recommendation (cores, bytes) as the request-suggestion rule's input (Kubernetes quantities),
// for the editor's cluster usage and the CLI's `lint --usage`.
import type { ResourceEstimate } from '../allocator/estimator.ts';
import { estimateQuantities } from '../allocator/recommender.ts';
import type { RequestSuggestion } from './types.ts';

export interface SuggestionSource {
  /** '*' when the workload's kind is unknown. */
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly container: string;
  readonly recommendation: { readonly target: ResourceEstimate; readonly lowerBound: ResourceEstimate; readonly upperBound: ResourceEstimate };
  /** The P50s of the history, for the HPA's arithmetic. */
  readonly explanation?: { readonly cpu: { readonly p50: number }; readonly memory: { readonly p50: number } } | undefined;
}

export function requestSuggestion(source: SuggestionSource): RequestSuggestion {
  const { recommendation } = source;
  return {
    kind: source.kind,
    namespace: source.namespace,
    name: source.name,
    container: source.container,
    requests: estimateQuantities(recommendation.target),
    lowerBound: estimateQuantities(recommendation.lowerBound),
    upperBound: estimateQuantities(recommendation.upperBound),
    ...(source.explanation === undefined ? {} : { usage: estimateQuantities({ cpu: source.explanation.cpu.p50, memory: source.explanation.memory.p50 }) }),
  };
}
