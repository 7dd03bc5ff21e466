// `kube-workbench suggest`: request recommendations from a usage file, optionally beside the
// requests a manifest sets today. Parsing, maths and formatting live in src/core/allocator.
import { parseArgs } from 'node:util';
import { currentRequestIndex, type CurrentRequestIndex, type CurrentRequests } from '../core/allocator/current-requests.ts';
import { estimateQuantities, type Recommendation } from '../core/allocator/recommender.ts';
import { textTable } from '../core/allocator/text-table.ts';
import { CappedReport } from './capped-report.ts';
import { numberFlag } from './number-flag.ts';
import type { RecommenderOptions } from '../core/allocator/recommender-options.ts';
import { RECOMMENDER_FLAG_OPTIONS, RECOMMENDER_FLAGS_HELP } from './recommender-flag-names.ts';
import { recommenderFlags } from './recommender-flags.ts';
import { runSuggestPrometheus, type PrometheusSuggestOptions } from './suggest-prometheus.ts';
import { explanationJson, REPORT_FORMATS, type ReportFormat } from './suggest-report.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';
import { MAX_MANIFEST_BYTES, readManifestObjects, sizeText } from './read-input.ts';
import { NOT_ENOUGH_DATA, readUsageFile } from './usage-file.ts';
import { UsageError } from './usage-error.ts';

const help = `Usage: kube-workbench suggest --usage FILE [--manifest FILE] [--format table|json] [--now ISO] [RECOMMENDER FLAGS]
       kube-workbench suggest --prometheus URL [--kubeconfig FILE] [--context NAME] [--namespace NS]
                              [--format table|json|csv|markdown] [--fail-on-waste CORES] [--days N] [--now ISO]
                              [RECOMMENDER FLAGS]

Recommends CPU and memory requests per workload container from observed usage, the way the
Vertical Pod Autoscaler does: P90 of 8 days of decaying history plus a 15% margin (target), with
P50 / P95 bounds widened while the history is short.

  --usage FILE       JSON lines: {"ts","namespace","pod","container","cpu","memory"[,"oom"][,"workload"]}
  --manifest FILE    YAML with the workloads, to show their current requests beside the suggestion
  --format FORMAT    table (default) or json
  --now ISO          the moment to recommend for (default: the latest sample); samples more than
                     8 days before it, or after it, are left out

  --prometheus URL   read the history from this Prometheus instead, aggregated per workload container
                     by the server (kube-prometheus' namespace_workload_pod:kube_pod_owner:relabel rule),
                     a namespace at a time; the workloads, their requests, HPAs and VPAs come from the
                     cluster of --kubeconfig/--context (default: KUBECONFIG, else ~/.kube/config)
  --namespace NS     only this namespace
  --days N           days of history (default 8, the VPA's window)
  --fail-on-waste CORES  exit 1 when the recommendations would free more than CORES cores (for CI)

Recommender flags (the editor's kubeWorkbench.allocator.* settings):
${RECOMMENDER_FLAGS_HELP}

Guardrails: memory never under an OOM kill's bump (max(used × 1.2, used + 100Mi)) of the last 8 days
nor under the start-up peak; a resource an HPA scales on keeps its request (the HPA's target is a
percentage of it) and the report says what the HPA would do with the suggestion.

The manifest may hold at most ${sizeText(MAX_MANIFEST_BYTES)}; the usage file is streamed (lines of at most 64 KB).
Bad lines are named (the first 20, then counted) and skipped.

Exit codes: 0 suggestions printed, 1 no usable samples (or more waste than --fail-on-waste, or the
cluster or Prometheus failed), 2 usage or I/O error.
`;

interface SuggestOptions {
  readonly kind: 'usage';
  readonly usage: string;
  readonly manifest: string | undefined;
  readonly format: 'table' | 'json';
  readonly nowMs: number | undefined;
  readonly recommender: RecommenderOptions;
}

const FILE_FORMATS = ['table', 'json'] as const;

/** Undefined for --help; a usage error throws, and runCli turns it into one line and exit 2. */
function parseOptions(args: readonly string[]): SuggestOptions | PrometheusSuggestOptions | undefined {
  const text = { type: 'string' } as const;
  const { values } = parseArgs({
    args: [...args],
    options: {
      usage: text, manifest: text, format: text, now: text, prometheus: text, kubeconfig: text, context: text, namespace: text, 'fail-on-waste': text, days: text,
      ...RECOMMENDER_FLAG_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) return undefined;
  const nowMs = values.now === undefined ? undefined : Date.parse(values.now);
  if (nowMs !== undefined && Number.isNaN(nowMs)) throw new UsageError(`--now is not an ISO timestamp: '${values.now}'`);
  const format = values.format ?? 'table';
  const recommender = recommenderFlags(values);
  if (values.prometheus !== undefined) {
    if (values.usage !== undefined || values.manifest !== undefined) throw new UsageError('give --prometheus or --usage/--manifest, not both');
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be ${REPORT_FORMATS.join(', ')}, not '${format}'`);
    return {
      url: values.prometheus,
      kubeconfig: values.kubeconfig,
      context: values.context,
      namespace: values.namespace,
      format: format as ReportFormat,
      failOnWasteCores: values['fail-on-waste'] === undefined ? undefined : numberFlag('fail-on-waste', values['fail-on-waste'], 0, { min: 0, max: 1e9, whole: false }),
      nowMs: nowMs ?? Date.now(),
      days: numberFlag('days', values.days, 8, { min: 1, max: 60, whole: true }),
      recommender,
    };
  }
  if (values.usage === undefined) throw new UsageError('--usage FILE or --prometheus URL is required');
  for (const flag of ['kubeconfig', 'context', 'namespace', 'fail-on-waste', 'days'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --prometheus`);
  }
  if (!(FILE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be table or json, not '${format}'`);
  return { kind: 'usage', usage: values.usage, manifest: values.manifest, format: format as SuggestOptions['format'], nowMs, recommender };
}

function pair(recommendation: Recommendation | undefined, pick: (value: Recommendation) => Recommendation['target']): string {
  if (recommendation === undefined) return '-';
  const { cpu, memory } = estimateQuantities(pick(recommendation));
  return `${cpu} / ${memory}`;
}

function currentText(current: CurrentRequests | undefined): string {
  return current === undefined ? '-' : `${current.cpu ?? '-'} / ${current.memory ?? '-'}`;
}

async function readManifest(path: string | undefined, io: CliIo): Promise<CurrentRequestIndex | undefined> {
  if (path === undefined) return undefined;
  const index = currentRequestIndex(await readManifestObjects(path));
  const report = new CappedReport(io.stderr);
  for (const issue of index.issues) report.add(`${path}: ${issue.workload}: ${issue.path}: ${issue.message}`);
  report.finish(path, 'issues');
  return index;
}

async function runSuggest(options: SuggestOptions, io: CliIo): Promise<ExitCode> {
  const current = await readManifest(options.manifest, io);
  const { aggregator, used } = await readUsageFile(options.usage, options.nowMs, io, options.recommender);
  if (used === 0) return ExitCode.failure;
  const entries = aggregator.recommendations().map((entry) => ({ ...entry, current: current?.get(entry.namespace, entry.workload, entry.container) }));
  if (options.format === 'json') {
    const recommendations = entries.map((entry) => ({
      namespace: entry.namespace,
      workload: entry.workload,
      container: entry.container,
      ...(entry.recommendation === undefined
        ? { status: NOT_ENOUGH_DATA, target: null, lowerBound: null, upperBound: null }
        : {
            target: estimateQuantities(entry.recommendation.target),
            lowerBound: estimateQuantities(entry.recommendation.lowerBound),
            upperBound: estimateQuantities(entry.recommendation.upperBound),
          }),
      current: entry.current ?? null,
      explanation: explanationJson(aggregator.explain(entry.namespace, entry.workload, entry.container)),
    }));
    io.stdout(`${JSON.stringify({ recommendations }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const rows = entries.map((entry) => [
    entry.namespace,
    entry.workload,
    entry.container,
    entry.recommendation === undefined ? NOT_ENOUGH_DATA : pair(entry.recommendation, (value) => value.target),
    pair(entry.recommendation, (value) => value.lowerBound),
    pair(entry.recommendation, (value) => value.upperBound),
    currentText(entry.current),
  ]);
  io.stdout(textTable(['NAMESPACE', 'WORKLOAD', 'CONTAINER', 'TARGET (CPU / MEMORY)', 'LOWER BOUND', 'UPPER BOUND', 'CURRENT REQUESTS'], rows));
  return ExitCode.ok;
}

export const suggestCommand: Subcommand = {
  name: 'suggest',
  summary: 'recommend CPU/memory requests from observed usage or a cluster\'s Prometheus (VPA-style)',
  run: async (args, io) => {
    const options = parseOptions(args);
    if (options !== undefined) return 'kind' in options ? runSuggest(options, io) : runSuggestPrometheus(options, io);
    io.stdout(help);
    return ExitCode.ok;
  },
};
