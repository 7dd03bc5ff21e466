// The right-sizing report's numbers: per workload container, today's requests beside the
// recommendation, and what applying it would free (or claim) across the workload's replicas.
import type { ResourceEstimate } from './estimator.ts';
import { estimateQuantities } from './recommender.ts';

const GIB = 2 ** 30;

/** One workload container's recommendation, as the usage history gives it. */
export interface RecommendedContainer {
  readonly namespace: string;
  readonly workload: string;
  readonly container: string;
  readonly recommendation: { readonly target: ResourceEstimate; readonly lowerBound: ResourceEstimate; readonly upperBound: ResourceEstimate } | undefined;
  readonly confidenceDays: number;
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
  readonly confidenceDays: number;
  /** (current − target) × replicas: positive frees capacity, negative claims more. An unset request counts as 0. */
  readonly freedCores: number;
  readonly freedBytes: number;
}

/** Rows for every container with a recommendation; those without enough data are left out. */
export function rightSizingRows(containers: readonly RecommendedContainer[], workloadOf: (namespace: string, workload: string) => WorkloadRequests | undefined): RightSizingRow[] {
  const rows: RightSizingRow[] = [];
  for (const entry of containers) {
    const recommendation = entry.recommendation;
    if (recommendation === undefined) continue;
    const workload = workloadOf(entry.namespace, entry.workload);
    const requests = workload?.containers.find((container) => container.name === entry.container);
    const replicas = workload?.replicas ?? 1;
    const current = { cpu: requests?.cpu, memory: requests?.memory };
    rows.push({
      namespace: entry.namespace,
      workload: entry.workload,
      kind: workload?.kind ?? '',
      container: entry.container,
      replicas,
      current,
      target: recommendation.target,
      lowerBound: recommendation.lowerBound,
      upperBound: recommendation.upperBound,
      confidenceDays: entry.confidenceDays,
      freedCores: ((current.cpu ?? 0) - recommendation.target.cpu) * replicas,
      freedBytes: ((current.memory ?? 0) - recommendation.target.memory) * replicas,
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
  'freed_cores', 'freed_gib', 'confidence_days',
];

/** The report as CSV with Kubernetes quantity strings, CRLF line ends as RFC 4180 asks. */
export function rightSizingCsv(rows: readonly RightSizingRow[]): string {
  const lines = rows.map((row) =>
    [
      row.namespace, row.workload, row.kind, row.container, String(row.replicas),
      ...quantities(row.current), ...quantities(row.target), ...quantities(row.lowerBound), ...quantities(row.upperBound),
      row.freedCores.toFixed(3), (row.freedBytes / GIB).toFixed(3), row.confidenceDays.toFixed(1),
    ].map(csvField).join(','),
  );
  return [CSV_HEADER.join(','), ...lines].map((line) => `${line}\r\n`).join('');
}
