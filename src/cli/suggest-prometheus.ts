// `kube-workbench suggest --prometheus URL`: the whole cluster's recommendations from the history
// its Prometheus already has, like KRR, with the guardrails of the editor (OOM floors, HPAs, the
// VPA's own recommendation). A namespace at a time: its workloads and autoscalers from the cluster,
// its history aggregated by Prometheus per workload container (never a series per pod), its rows
// computed and its history dropped, so memory stays bounded whatever the cluster's size.
import { rightSizingRows, rightSizingTotals, type RightSizingRow } from '../core/allocator/right-sizing.ts';
import { ApiClient } from '../cluster/api-client.ts';
import { loadKubeconfig, resolveContext } from '../cluster/kubeconfig-loader.ts';
import { namespaceNames, namespaceWorkloads, type NamespaceWorkloads } from '../cluster/usage/cluster-workloads.ts';
import { prometheusHistoryLoader } from '../cluster/usage/prometheus-history.ts';
import { UsageHistory } from '../cluster/usage/usage-history.ts';
import type { RecommenderOptions } from '../core/allocator/recommender-options.ts';
import { cliKubeconfigPaths } from './kubeconfig-flag.ts';
import { type CliIo, ExitCode } from './main.ts';
import { formatReport, type ReportFormat } from './suggest-report.ts';

export interface PrometheusSuggestOptions {
  readonly url: string;
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
  readonly namespace: string | undefined;
  readonly format: ReportFormat;
  readonly failOnWasteCores: number | undefined;
  readonly nowMs: number;
  readonly days: number;
  /** The minimums, margin and start-up window (the editor's settings). */
  readonly recommender: RecommenderOptions;
}

// A namespace's workload containers; far above any real one, it only stops a runaway.
const MAX_CONTAINERS_PER_NAMESPACE = 1_000_000;

type Cluster = { readonly client: ApiClient } | { readonly error: string } | undefined;

/** The cluster to read workloads from: none when no kubeconfig exists and none was asked for. */
function openCluster(options: PrometheusSuggestOptions): Cluster {
  const loaded = loadKubeconfig(cliKubeconfigPaths(options.kubeconfig));
  if (!loaded.ok) return { error: loaded.error.message };
  if (loaded.value.files.length === 0 && options.kubeconfig === undefined && options.context === undefined) return undefined;
  const resolved = resolveContext(loaded.value, options.context ?? '');
  if (!resolved.ok) return { error: resolved.error.message };
  return { client: new ApiClient(resolved.value.name, loaded.value.forContext(resolved.value.name)) };
}

function rowsOf(history: UsageHistory, nowMs: number, cluster: NamespaceWorkloads | undefined): RightSizingRow[] {
  return rightSizingRows(history.usage(nowMs), (_namespace, workload) => cluster?.workloads.get(workload), {
    hpaOf: (namespace, workload, kind) => cluster?.autoscalers.hpas.find(namespace, workload, kind),
    vpaOf: (namespace, workload, kind) => cluster?.autoscalers.vpas.find(namespace, workload, kind),
  });
}

export async function runSuggestPrometheus(options: PrometheusSuggestOptions, io: CliIo): Promise<ExitCode> {
  const fail = (message: string, code: ExitCode = ExitCode.failure): ExitCode => {
    io.stderr(`kube-workbench suggest: ${message}\n`);
    return code;
  };
  const cluster = openCluster(options);
  if (cluster !== undefined && 'error' in cluster) return fail(cluster.error, ExitCode.usage);
  if (cluster === undefined) io.stderr('kube-workbench suggest: no kubeconfig: recommendations without current requests, HPAs or VPAs\n');
  let namespaces: readonly (string | undefined)[] = [options.namespace];
  if (options.namespace === undefined && cluster !== undefined) {
    const listed = await namespaceNames(cluster.client);
    if (!listed.ok) return fail(listed.error.message);
    namespaces = listed.value;
  }
  const rows: RightSizingRow[] = [];
  for (const [index, namespace] of namespaces.entries()) {
    const workloads = cluster === undefined || namespace === undefined ? undefined : await namespaceWorkloads(cluster.client, namespace);
    if (workloads !== undefined && !workloads.ok) return fail(workloads.error.message);
    const history = new UsageHistory(MAX_CONTAINERS_PER_NAMESPACE, options.recommender);
    const onPerPod = (note: string): void => io.stderr(`kube-workbench suggest: ${note}\n`);
    const loader = prometheusHistoryLoader({ url: options.url, nowMs: options.nowMs, days: options.days, byWorkload: true, onPerPod, ...(namespace === undefined ? {} : { namespace }) });
    const loaded = await loader(history.sink, new AbortController().signal);
    if (!loaded.ok) return fail(loaded.error.message);
    const found = rowsOf(history, options.nowMs, workloads?.value);
    for (const row of found) rows.push(row);
    io.stderr(`kube-workbench suggest: [${index + 1}/${namespaces.length}] ${namespace === undefined ? 'all namespaces' : `namespace ${namespace}`}: ${loaded.value.samples} points, ${found.length} containers\n`);
  }
  if (rows.length === 0) return fail('no workload container has enough history in Prometheus for a recommendation');
  io.stdout(formatReport(rows, options.format));
  const waste = rightSizingTotals(rows).freedCores;
  if (options.failOnWasteCores !== undefined && waste > options.failOnWasteCores) {
    return fail(`${waste.toFixed(2)} cores requested beyond the recommendations, more than --fail-on-waste ${options.failOnWasteCores}`);
  }
  return ExitCode.ok;
}
