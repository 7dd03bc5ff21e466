// A worker thread of `kube-workbench lint`'s pool (lint-pool.ts): reads and parses its share of the
// files and runs the per-file rules (locality.ts) on each one alone; the main thread gets each file's
// parse back, for the rules that read the whole set, with the findings.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lint, type LintOptions, lintFileOf } from '../core/lint/engine.ts';
import { isPerFileRule } from '../core/lint/locality.ts';
import { allRules } from '../core/lint/rules/index.ts';
import { loadBundledSchema } from '../core/lint/schema/snapshot.ts';
import type { Finding } from '../core/lint/types.ts';
import { parseYaml } from '../core/yaml/parse.ts';
import { type ParsedTransfer, toTransfer } from '../core/yaml/transfer.ts';
import { leftAlone } from './left-alone.ts';
import { MAX_MANIFEST_BYTES, readFileCapped } from './read-input.ts';

/** What every worker lints with: the run's options, plain data (no schema: each loads the bundled one). */
export type WorkerOptions = Pick<LintOptions, 'config' | 'kubernetesVersion' | 'cluster' | 'profile'>;

export interface WorkerData {
  readonly kubeWorkbenchLintWorker: true;
  readonly options: WorkerOptions;
}

export interface FileJob {
  readonly index: number;
  /** As shown and as findings name it. */
  readonly path: string;
  readonly absolute: string;
  /** Found by walking a folder (not named): left alone unless it holds Kubernetes content. */
  readonly discovered: boolean;
}

export type FileResult =
  | { readonly index: number; readonly kind: 'parsed'; readonly parsed: ParsedTransfer; readonly findings: readonly Finding[]; readonly leftAlone: boolean }
  | { readonly index: number; readonly kind: 'too-large' }
  | { readonly index: number; readonly kind: 'error'; readonly message: string };

/** Reads, parses and lints one file with the per-file rules. */
export async function lintJob(job: FileJob, options: LintOptions): Promise<FileResult> {
  let text: string | undefined;
  try {
    text = await readFileCapped(job.absolute, MAX_MANIFEST_BYTES, job.path);
  } catch (error) {
    return { index: job.index, kind: 'error', message: (error as Error).message };
  }
  if (text === undefined) return { index: job.index, kind: 'too-large' };
  const file = lintFileOf(job.path, parseYaml(text));
  const alone = leftAlone(file, job.discovered);
  const findings = alone ? [] : lint([file], options);
  return { index: job.index, kind: 'parsed', parsed: toTransfer(file.parsed), findings, leftAlone: alone };
}

/** Answers each batch of jobs with its results, in order, until the pool terminates the thread. */
async function serve(data: WorkerData): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  // Rules that may be per-file for some set: the main thread drops those the whole set rules out.
  const options: LintOptions = { ...data.options, schema: await loadBundledSchema(), rules: allRules.filter((rule) => isPerFileRule(rule)) };
  port.on('message', (jobs: readonly FileJob[]) => {
    void Promise.all(jobs.map((job) => lintJob(job, options))).then((results) => port.postMessage(results));
  });
}

if (!isMainThread && (workerData as Partial<WorkerData> | null)?.kubeWorkbenchLintWorker === true) void serve(workerData as WorkerData);
