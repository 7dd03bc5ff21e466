// The right-sizing report's numbers: per workload container, today's requests beside the
// recommendation, and what applying it would free (or claim) across the workload's replicas.
import type { ResourceEstimate } from './estimator.ts';
import { hpaAdvice, type HpaAdvice, type HpaScaling, type ScaledResource } from './hpa-scaling.ts';
import type { RecommendationExplanation } from './recommendation-explain.ts';
import { estimateQuantities } from './recommender.ts';
import { compareWithVpa, type VpaComparison, type VpaRecommendation } from './vpa-recommendation.ts';

const GIB = 2 ** 30;

/** One workload container's recommendation, as the usage history gives it. */
export interface RecommendedContainer {
  readonly namespace: string;
  readonly workload: string;
  readonly container: string;
  readonly recommendation: { readonly target: ResourceEstimate; readonly lowerBound: ResourceEstimate; readonly upperBound: ResourceEstimate; readonly limits?: ResourceEstimate } | undefined;
  readonly confidenceDays: number;
  /** Why the target is what it is; absent from sources that do not keep it. */
  readonly explanation?: RecommendationExplanation;
}

/** What the cluster says of the workload: its kind, how many pods it runs, each container's requests. */
export interface WorkloadRequests {
  readonly kind: string;
  readonly replicas: number;
  readonly containers: readonly { readonly name: string; readonly cpu: number | undefined; readonly memory: number | undefined }[];
}

export interface RightSizingRow {
  readonly namespace: string;
  readonly workload: string;
  /** '' when the workload is not (or no longer) in the cluster's cache. */
  readonly kind: string;
  readonly container: string;
  readonly replicas: number;
  readonly current: { readonly cpu: number | undefined; readonly memory: number | undefined };
  readonly target: ResourceEstimate;
  readonly lowerBound: ResourceEstimate;
  readonly upperBound: ResourceEstimate;
  /** Suggested limits, from the peaks (undefined from sources that do not give them). */
  readonly limits: ResourceEstimate | undefined;
  readonly confidenceDays: number;
  /** (current − target) × replicas: positive frees capacity, negative claims more. An unset request counts as 0. */
  readonly freedCores: number;
  readonly freedBytes: number;
  readonly explanation: RecommendationExplanation | undefined;
  /**
   * Per resource an HPA scales on: the target above stays today's request (no blind suggestion),
   * the advice says what the HPA would do with the suggested one, offered as an explicit choice.
   */
  readonly hpa: readonly HpaAdvice[];
  /** The cluster's own VerticalPodAutoscaler beside ours, when it has one for this workload. */
  readonly vpa: VpaComparison | undefined;
}

/** The autoscalers the cluster (or the file set) has for a workload. */
export interface Autoscalers {
  readonly hpaOf?: (namespace: string, workload: string, kind: string) => HpaScaling | undefined;
  readonly vpaOf?: (namespace: string, workload: string, kind: string) => VpaRecommendation | undefined;
  readonly vpaTolerance?: number;
}

const formats: Record<ScaledResource, (amount: number) => string> = {
  cpu: (cores) => estimateQuantities({ cpu: cores, memory: 0 }).cpu,
  memory: (bytes) => estimateQuantities({ cpu: 0, memory: bytes }).memory,
};

/** The HPA's advice per resource it scales on, and the target with those resources left at today's request. */
function hpaRows(hpa: HpaScaling | undefined, entry: RecommendedContainer, target: ResourceEstimate, current: RightSizingRow['current'], replicas: number): { target: ResourceEstimate; advice: HpaAdvice[] } {
  if (hpa === undefined || entry.recommendation === undefined) return { target, advice: [] };
  const advice: HpaAdvice[] = [];
  const kept = { ...target };
  for (const resource of ['cpu', 'memory'] as const) {
    const usagePerPod = entry.explanation?.[resource].p50 ?? entry.recommendation.lowerBound[resource];
    const given = hpaAdvice(hpa, { resource, replicas, current: current[resource], suggested: target[resource], usagePerPod, format: formats[resource] });
    if (given === undefined) continue;
    advice.push(given);
    const today = current[resource];
    if (today !== undefined) kept[resource] = today;
  }
  return { target: kept, advice };
}

/** Rows for every container with a recommendation; those without enough data are left out. */
export function rightSizingRows(containers: readonly RecommendedContainer[], workloadOf: (namespace: string, workload: string) => WorkloadRequests | undefined, autoscalers: Autoscalers = {}): RightSizingRow[] {
  const rows: RightSizingRow[] = [];
  for (const entry of containers) {
    const recommendation = entry.recommendation;
    if (recommendation === undefined) continue;
    const workload = workloadOf(entry.namespace, entry.workload);
    const requests = workload?.containers.find((container) => container.name === entry.container);
    const replicas = workload?.replicas ?? 1;
    const kind = workload?.kind ?? '';
    const current = { cpu: requests?.cpu, memory: requests?.memory };
    const hpa = hpaRows(autoscalers.hpaOf?.(entry.namespace, entry.workload, kind), entry, recommendation.target, current, replicas);
    const vpa = autoscalers.vpaOf?.(entry.namespace, entry.workload, kind);
    rows.push({
      namespace: entry.namespace,
      workload: entry.workload,
      kind,
      container: entry.container,
      replicas,
      current,
      target: hpa.target,
      lowerBound: recommendation.lowerBound,
      upperBound: recommendation.upperBound,
      limits: recommendation.limits,
      confidenceDays: entry.confidenceDays,
      freedCores: ((current.cpu ?? 0) - hpa.target.cpu) * replicas,
      freedBytes: ((current.memory ?? 0) - hpa.target.memory) * replicas,
      explanation: entry.explanation,
      hpa: hpa.advice,
      vpa: vpa === undefined ? undefined : compareWithVpa(vpa, entry.container, recommendation.target, entry.explanation, autoscalers.vpaTolerance),
    });
  }
  return rows;
}

export interface RightSizingTotals {
  /** Summed over over-provisioned containers only. */
  readonly freedCores: number;
  readonly freedGiB: number;
  /** Summed over under-provisioned containers: what they would claim on top. */
  readonly claimedCores: number;
  readonly claimedGiB: number;
}

export function rightSizingTotals(rows: readonly RightSizingRow[]): RightSizingTotals {
  let freedCores = 0;
  let freedBytes = 0;
  let claimedCores = 0;
  let claimedBytes = 0;
  for (const row of rows) {
    if (row.freedCores > 0) freedCores += row.freedCores;
    else claimedCores -= row.freedCores;
    if (row.freedBytes > 0) freedBytes += row.freedBytes;
    else claimedBytes -= row.freedBytes;
  }
  return { freedCores, freedGiB: freedBytes / GIB, claimedCores, claimedGiB: claimedBytes / GIB };
}

/** RFC 4180: quote a field that holds a comma, quote or line break, doubling its quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Kubernetes strings for amounts that may be unset (a container without a request): `missing` then. */
export function amountTexts(amounts: { readonly cpu: number | undefined; readonly memory: number | undefined }, missing: string): { cpu: string; memory: string } {
  const { cpu, memory } = estimateQuantities({ cpu: amounts.cpu ?? 0, memory: amounts.memory ?? 0 });
  return { cpu: amounts.cpu === undefined ? missing : cpu, memory: amounts.memory === undefined ? missing : memory };
}

function quantities(amounts: { cpu: number | undefined; memory: number | undefined }): [string, string] {
  const { cpu, memory } = amountTexts(amounts, '');
  return [cpu, memory];
}

const CSV_HEADER = [
  'namespace', 'workload', 'kind', 'container', 'replicas',
  'current_cpu', 'current_memory', 'target_cpu', 'target_memory',
  'lower_cpu', 'lower_memory', 'upper_cpu', 'upper_memory',
  'freed_cores', 'freed_gib', 'confidence_days', 'set_by', 'hpa', 'vpa_cpu', 'vpa_memory',
];

/** An estimate whose parts may be NaN (a VPA may leave a resource out) as amounts that may be unset. */
export function finiteAmounts(estimate: ResourceEstimate): { cpu: number | undefined; memory: number | undefined } {
  const finite = (value: number): number | undefined => (Number.isFinite(value) ? value : undefined);
  return { cpu: finite(estimate.cpu), memory: finite(estimate.memory) };
}

/** The requests an estimate sets, as Kubernetes strings: only its finite resources (a VPA may leave one out). */
export function requestTexts(estimate: ResourceEstimate): Partial<Record<'cpu' | 'memory', string>> {
  const texts = amountTexts(finiteAmounts(estimate), '');
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => text !== ''));
}

/** The requests as a YAML block to paste under a container: `resources:` / `requests:` / one line each. */
export function requestsYaml(requests: Partial<Record<'cpu' | 'memory', string>>): string {
  return ['resources:', '  requests:', ...Object.entries(requests).map(([resource, text]) => `    ${resource}: ${text}`)].map((line) => `${line}\n`).join('');
}

/** What set the targets (cpu/memory), for the CSV and the tables. */
export function setByText(row: RightSizingRow): string {
  const setBy = row.explanation?.setBy;
  const cpu = row.hpa.some((advice) => advice.resource === 'cpu') ? 'hpa' : (setBy?.cpu ?? '');
  const memory = row.hpa.some((advice) => advice.resource === 'memory') ? 'hpa' : (setBy?.memory ?? '');
  return `${cpu}/${memory}`;
}

/** The report as CSV with Kubernetes quantity strings, CRLF line ends as RFC 4180 asks. */
export function rightSizingCsv(rows: readonly RightSizingRow[]): string {
  const lines = rows.map((row) =>
    [
      row.namespace, row.workload, row.kind, row.container, String(row.replicas),
      ...quantities(row.current), ...quantities(row.target), ...quantities(row.lowerBound), ...quantities(row.upperBound),
      row.freedCores.toFixed(3), (row.freedBytes / GIB).toFixed(3), row.confidenceDays.toFixed(1),
      setByText(row), row.hpa.map((advice) => `${advice.hpa}:${advice.resource}@${advice.targetPercent}%`).join(' '),
      ...(row.vpa === undefined ? ['', ''] : quantities(finiteAmounts(row.vpa.target))),
    ].map(csvField).join(','),
  );
  return [CSV_HEADER.join(','), ...lines].map((line) => `${line}\r\n`).join('');
}
