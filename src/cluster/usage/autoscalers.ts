// The cluster's autoscalers, for the right-sizing guardrails: HPAs scaling on CPU or memory
// utilisation (no blind suggestion for that resource) and, when the VPA's CRD is installed, the
// VerticalPodAutoscalers' own recommendations to show beside ours.
import { HpaIndex, hpaScaling, type HpaScaling } from '../../core/allocator/hpa-scaling.ts';
import { vpaRecommendation, VpaIndex, type VpaRecommendation } from '../../core/allocator/vpa-recommendation.ts';
import { slimCrd } from '../../core/cluster/custom-resource-model.ts';
import { ok, type Result } from '../../core/result.ts';
import type { ApiClient } from '../api-client.ts';
import type { ClusterError } from '../cluster-error.ts';
import { collectionPath, crdKindPath, KINDS, objectPath } from '../kinds.ts';
import { listAll } from '../list-all.ts';

export const VPA_CRD_NAME = 'verticalpodautoscalers.autoscaling.k8s.io';

export interface ClusterAutoscalers {
  readonly hpas: HpaIndex;
  readonly vpas: VpaIndex;
  /** False when the CRD is missing or may not be read: no VPA column then. */
  readonly vpaInstalled: boolean;
}

const defined = <T>(items: readonly (T | undefined)[]): T[] => items.filter((item): item is T => item !== undefined);

/** HPAs and VPAs of one namespace, or of all when none is given; a missing or hidden VPA CRD is no error. */
export async function loadAutoscalers(client: Pick<ApiClient, 'request' | 'requestBounded' | 'context'>, namespace: string | undefined, signal?: AbortSignal): Promise<Result<ClusterAutoscalers, ClusterError>> {
  const hpas = await listAll<HpaScaling | undefined>({ client, path: collectionPath(KINDS.HorizontalPodAutoscaler, namespace), resource: 'horizontalpodautoscalers', trim: (raw) => hpaScaling(raw), ...(signal === undefined ? {} : { signal }) });
  if (!hpas.ok) return hpas;
  const hpaIndex = new HpaIndex(defined(hpas.value.items));
  const crd = await client.request(objectPath(KINDS.CustomResourceDefinition, '', VPA_CRD_NAME), { verb: 'get', resource: 'customresourcedefinitions', ...(signal === undefined ? {} : { signal }) });
  if (!crd.ok) {
    if (crd.error.kind === 'notFound' || crd.error.kind === 'forbidden') return ok({ hpas: hpaIndex, vpas: new VpaIndex(), vpaInstalled: false });
    return crd;
  }
  const path = collectionPath(crdKindPath(slimCrd(crd.value)), namespace);
  const vpas = await listAll<VpaRecommendation | undefined>({ client, path, resource: 'verticalpodautoscalers', trim: vpaRecommendation, ...(signal === undefined ? {} : { signal }) });
  if (!vpas.ok) return vpas.error.kind === 'forbidden' ? ok({ hpas: hpaIndex, vpas: new VpaIndex(), vpaInstalled: false }) : vpas;
  return ok({ hpas: hpaIndex, vpas: new VpaIndex(defined(vpas.value.items)), vpaInstalled: true });
}
