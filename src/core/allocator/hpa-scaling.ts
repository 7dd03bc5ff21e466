// HorizontalPodAutoscalers that scale on CPU or memory utilisation. Their target is a percentage
// of the request, so a new request silently changes how many replicas they run: a workload they
// scale on a resource gets no blind suggestion for it, only an explanation of what the HPA would
// do at the suggested request (KRR's --allow-hpa, Goldilocks 449). Read from manifests (the file
// set) and from the cluster's objects alike: both are the same JSON.
import { array, integer, objectMeta, record, text } from '../cluster/object-fields.ts';

export type ScaledResource = 'cpu' | 'memory';

export interface HpaScaling {
  readonly namespace: string;
  readonly name: string;
  readonly targetKind: string;
  readonly targetName: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Target average utilisation in percent of the request, per resource it scales on. */
  readonly utilization: Readonly<Partial<Record<ScaledResource, number>>>;
}

// The HPA controller's --horizontal-pod-autoscaler-tolerance: within 10% of the target it does nothing.
const HPA_TOLERANCE = 0.1;

function resourceName(value: unknown): ScaledResource | undefined {
  const name = text(value);
  return name === 'cpu' || name === 'memory' ? name : undefined;
}

/** The utilisation targets of autoscaling/v2 (and v2beta2 / v2beta1) metrics, Resource and ContainerResource alike. */
function metricTargets(spec: Readonly<Record<string, unknown>>): Partial<Record<ScaledResource, number>> {
  const targets: Partial<Record<ScaledResource, number>> = {};
  for (const metric of array(spec['metrics']).map(record)) {
    const source = record(metric[metric['type'] === 'ContainerResource' ? 'containerResource' : 'resource']);
    const resource = resourceName(source['name']);
    const target = record(source['target']);
    const percent = target['type'] === 'Utilization' ? integer(target['averageUtilization']) : integer(source['targetAverageUtilization']);
    if (resource !== undefined && percent > 0) targets[resource] = percent;
  }
  const v1 = integer(spec['targetCPUUtilizationPercentage']);
  if (v1 > 0) targets.cpu = v1;
  return targets;
}

/** An HPA scaling on CPU or memory utilisation, or undefined for any other object. */
export function hpaScaling(object: unknown, defaultNamespace = 'default'): HpaScaling | undefined {
  const fields = record(object);
  if (fields['kind'] !== 'HorizontalPodAutoscaler' || !text(fields['apiVersion']).startsWith('autoscaling/')) return undefined;
  const spec = record(fields['spec']);
  const utilization = metricTargets(spec);
  if (Object.keys(utilization).length === 0) return undefined;
  const meta = objectMeta(object);
  const ref = record(spec['scaleTargetRef']);
  const minReplicas = integer(spec['minReplicas']) || 1;
  return {
    namespace: meta.namespace || defaultNamespace,
    name: meta.name,
    targetKind: text(ref['kind']),
    targetName: text(ref['name']),
    minReplicas,
    maxReplicas: Math.max(minReplicas, integer(spec['maxReplicas'])),
    utilization,
  };
}

/** HPAs by the workload they scale. */
export class HpaIndex {
  private readonly byTarget = new Map<string, HpaScaling>();

  constructor(hpas: Iterable<HpaScaling> = []) {
    for (const hpa of hpas) this.add(hpa);
  }

  add(hpa: HpaScaling): void {
    this.byTarget.set(`${hpa.namespace}\0${hpa.targetName}`, hpa);
  }

  /** The HPA scaling this workload; the kind is checked when both sides know it. */
  find(namespace: string, workload: string, kind = ''): HpaScaling | undefined {
    const hpa = this.byTarget.get(`${namespace}\0${workload}`);
    return hpa !== undefined && (kind === '' || hpa.targetKind === '' || hpa.targetKind === kind) ? hpa : undefined;
  }

  get size(): number {
    return this.byTarget.size;
  }
}

export interface HpaAdvice {
  readonly hpa: string;
  readonly resource: ScaledResource;
  readonly targetPercent: number;
  /** Today's utilisation of the current request, percent; undefined without a request. */
  readonly utilizationNow: number | undefined;
  readonly replicas: number;
  /** What the HPA settles on at today's usage with the current request, and with the suggested one. */
  readonly replicasNow: number;
  readonly replicasAtSuggested: number;
  /** The suggestion, offered only as an explicit choice. */
  readonly suggested: number;
  readonly message: string;
}

/** The HPA's rule: ceil(replicas × utilisation / target), nothing within the tolerance, clamped to min..max. */
export function hpaReplicas(hpa: HpaScaling, replicas: number, utilizationPercent: number, targetPercent: number): number {
  const ratio = utilizationPercent / targetPercent;
  const wanted = Math.abs(ratio - 1) <= HPA_TOLERANCE ? replicas : Math.ceil(replicas * ratio);
  return Math.min(hpa.maxReplicas, Math.max(hpa.minReplicas, wanted));
}

export interface HpaAdviceInput {
  readonly resource: ScaledResource;
  readonly replicas: number;
  /** The request today (cores or bytes); undefined when none is set. */
  readonly current: number | undefined;
  readonly suggested: number;
  /** Typical usage per pod today, same unit. */
  readonly usagePerPod: number;
  /** Formats an amount of this resource for the message. */
  readonly format: (amount: number) => string;
}

/** Undefined when the HPA does not scale on this resource. */
export function hpaAdvice(hpa: HpaScaling, input: HpaAdviceInput): HpaAdvice | undefined {
  const targetPercent = hpa.utilization[input.resource];
  if (targetPercent === undefined) return undefined;
  const { replicas, current, suggested, usagePerPod, format } = input;
  const utilizationNow = current !== undefined && current > 0 ? (usagePerPod / current) * 100 : undefined;
  const replicasNow = utilizationNow === undefined ? replicas : hpaReplicas(hpa, replicas, utilizationNow, targetPercent);
  const replicasAtSuggested = hpaReplicas(hpa, replicas, (usagePerPod / suggested) * 100, targetPercent);
  const message =
    `HPA ${hpa.name} scales this workload to keep ${input.resource} at ${targetPercent}% of the request: ` +
    `at today's usage (${format(usagePerPod)} per pod) it runs ${replicasNow} replica${replicasNow === 1 ? '' : 's'} with ` +
    `${current === undefined ? 'no request' : format(current)}, and would run ${replicasAtSuggested} with ${format(suggested)}; ` +
    'the request is left as it is unless you choose the suggestion';
  return { hpa: hpa.name, resource: input.resource, targetPercent, utilizationNow, replicas, replicasNow, replicasAtSuggested, suggested, message };
}
