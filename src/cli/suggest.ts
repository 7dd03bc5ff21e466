// `kube-workbench suggest`: request recommendations from a usage file, optionally beside the
// requests a manifest sets today. Parsing, maths and formatting live in src/core/allocator.
import { parseArgs } from 'node:util';
import { currentRequestIndex, type CurrentRequestIndex, type CurrentRequests } from '../core/allocator/current-requests.ts';
import { estimateQuantities, type Recommendation } from '../core/allocator/recommender.ts';
import { textTable } from '../core/allocator/text-table.ts';
import { CappedReport } from './capped-report.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';
import { MAX_MANIFEST_BYTES, readManifestObjects, sizeText } from './read-input.ts';
import { NOT_ENOUGH_DATA, readUsageFile } from './usage-file.ts';
import { UsageError } from './usage-error.ts';

const help = `Usage: kube-workbench suggest --usage FILE [--manifest FILE] [--format table|json] [--now ISO]

Recommends CPU and memory requests per workload container from observed usage, the way the
Vertical Pod Autoscaler does: P90 of 8 days of decaying history plus a 15% margin (target), with
P50 / P95 bounds widened while the history is short.

  --usage FILE       JSON lines: {"ts","namespace","pod","container","cpu","memory"[,"oom"][,"workload"]}
  --manifest FILE    YAML with the workloads, to show their current requests beside the suggestion
  --format FORMAT    table (default) or json
  --now ISO          the moment to recommend for (default: the latest sample); samples more than
                     8 days before it, or after it, are left out

The manifest may hold at most ${sizeText(MAX_MANIFEST_BYTES)}; the usage file is streamed (lines of at most 64 KB).
Bad lines are named (the first 20, then counted) and skipped.

Exit codes: 0 suggestions printed, 1 no usable samples, 2 usage or I/O error.
`;

interface SuggestOptions {
  readonly usage: string;
  readonly manifest: string | undefined;
  readonly format: 'table' | 'json';
  readonly nowMs: number | undefined;
}

/** Undefined for --help; a usage error throws, and runCli turns it into one line and exit 2. */
function parseOptions(args: readonly string[]): SuggestOptions | undefined {
  const { values } = parseArgs({
    args: [...args],
    options: { usage: { type: 'string' }, manifest: { type: 'string' }, format: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help === true) return undefined;
  if (values.usage === undefined) throw new UsageError('--usage FILE is required');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not '${format}'`);
  const nowMs = values.now === undefined ? undefined : Date.parse(values.now);
  if (nowMs !== undefined && Number.isNaN(nowMs)) throw new UsageError(`--now is not an ISO timestamp: '${values.now}'`);
  return { usage: values.usage, manifest: values.manifest, format, nowMs };
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
  const { aggregator, used } = await readUsageFile(options.usage, options.nowMs, io);
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
  summary: 'recommend CPU/memory requests from observed usage (VPA-style)',
  run: async (args, io) => {
    const options = parseOptions(args);
    if (options !== undefined) return runSuggest(options, io);
    io.stdout(help);
    return ExitCode.ok;
  },
};
