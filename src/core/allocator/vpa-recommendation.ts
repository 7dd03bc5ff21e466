// The cluster's own VerticalPodAutoscaler (autoscaling.k8s.io): its status.recommendation read
// beside ours, and where the two differ by more than a tolerance, the likely reasons.
import { parseQuantity, toNumber } from './quantity.ts';
import { array, objectMeta, record, text } from '../cluster/object-fields.ts';
import type { ResourceEstimate } from './estimator.ts';
import type { RecommendationExplanation } from './recommendation-explain.ts';

export interface VpaContainerRecommendation {
  readonly target: ResourceEstimate;
  readonly lowerBound: ResourceEstimate | undefined;
  readonly upperBound: ResourceEstimate | undefined;
}

export interface VpaRecommendation {
  readonly namespace: string;
  readonly name: string;
  readonly targetKind: string;
  readonly targetName: string;
  readonly containers: ReadonlyMap<string, VpaContainerRecommendation>;
}

/** Default: a difference under 10% of the larger value is noise (two bucket widths of the histograms). */
export const DEFAULT_VPA_TOLERANCE = 0.1;

function amount(value: unknown): number {
  const parsed = parseQuantity(text(value));
  return parsed.ok ? toNumber(parsed.quantity) : Number.NaN;
}

function estimate(value: unknown): ResourceEstimate | undefined {
  const resources = record(value);
  const cpu = amount(resources['cpu']);
  const memory = amount(resources['memory']);
  return Number.isNaN(cpu) && Number.isNaN(memory) ? undefined : { cpu, memory };
}

/** A VPA object's recommendation per container; undefined for another kind or a VPA without one yet. */
export function vpaRecommendation(object: unknown): VpaRecommendation | undefined {
  const fields = record(object);
  if (fields['kind'] !== 'VerticalPodAutoscaler' || !text(fields['apiVersion']).startsWith('autoscaling.k8s.io/')) return undefined;
  const containers = new Map<string, VpaContainerRecommendation>();
  for (const entry of array(record(record(fields['status'])['recommendation'])['containerRecommendations']).map(record)) {
    const target = estimate(entry['target']);
    if (target !== undefined) containers.set(text(entry['containerName']), { target, lowerBound: estimate(entry['lowerBound']), upperBound: estimate(entry['upperBound']) });
  }
  if (containers.size === 0) return undefined;
  const meta = objectMeta(object);
  const ref = record(record(fields['spec'])['targetRef']);
  return { namespace: meta.namespace, name: meta.name, targetKind: text(ref['kind']), targetName: text(ref['name']), containers };
}

export interface VpaComparison {
  readonly vpa: string;
  readonly target: ResourceEstimate;
  /** Per resource: beyond the tolerance (a NaN side never differs: the VPA may leave a resource out). */
  readonly differs: { readonly cpu: boolean; readonly memory: boolean };
  readonly reasons: readonly string[];
}

function beyond(ours: number, theirs: number, tolerance: number): boolean {
  return Number.isFinite(theirs) && Math.abs(ours - theirs) > tolerance * Math.max(ours, theirs);
}

/** Ours against the VPA's for one container, with the reasons the explanation can give. */
export function compareWithVpa(vpa: VpaRecommendation, container: string, ours: ResourceEstimate, explanation: RecommendationExplanation | undefined, tolerance = DEFAULT_VPA_TOLERANCE): VpaComparison | undefined {
  const theirs = vpa.containers.get(container);
  if (theirs === undefined) return undefined;
  const differs = { cpu: beyond(ours.cpu, theirs.target.cpu, tolerance), memory: beyond(ours.memory, theirs.target.memory, tolerance) };
  const reasons: string[] = [];
  if ((differs.cpu || differs.memory) && explanation !== undefined) {
    if (explanation.days < 8) reasons.push(`ours rests on ${explanation.days.toFixed(1)} days of history, the VPA's on what its recommender has seen since it started (up to 8 days)`);
    if (differs.memory && explanation.setBy.memory === 'oom') reasons.push('ours keeps the bump of OOM kills for 8 days; the VPA drops a kill older than a day (autoscaler issue 4152)');
    if (differs.memory && explanation.setBy.memory === 'startup') reasons.push("ours keeps start-up peaks apart and stays above their P95; the VPA's P90 mixes them into the daily peaks");
    if (explanation.setBy.cpu === 'minimum' || explanation.setBy.memory === 'minimum') reasons.push('ours is at its minimum per container; the VPA may run with other minimums');
  }
  if ((differs.cpu || differs.memory) && reasons.length === 0) reasons.push('the two recommenders sampled different history');
  return { vpa: vpa.name, target: theirs.target, differs, reasons };
}

/** VPAs by the workload they watch. */
export class VpaIndex {
  private readonly byTarget = new Map<string, VpaRecommendation>();

  constructor(vpas: Iterable<VpaRecommendation> = []) {
    for (const vpa of vpas) this.byTarget.set(`${vpa.namespace}\0${vpa.targetName}`, vpa);
  }

  /** The kind is checked when both sides know it. */
  find(namespace: string, workload: string, kind = ''): VpaRecommendation | undefined {
    const vpa = this.byTarget.get(`${namespace}\0${workload}`);
    return vpa !== undefined && (kind === '' || vpa.targetKind === '' || vpa.targetKind === kind) ? vpa : undefined;
  }

  get size(): number {
    return this.byTarget.size;
  }
}
