// A worker thread of `kube-workbench lint`'s pool (lint-pool.ts): claims batches of the files, reads and
// parses them and runs the per-file rules (locality.ts) on each one alone; only the findings go back (a
// parse tree costs as much to send as to parse again, and the main thread parses every file anyway).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createLintFile, lint, type LintOptions } from '../core/lint/engine.ts';
import { isPerFileRule } from '../core/lint/locality.ts';
import { allRules } from '../core/lint/rules/index.ts';
import { loadBundledSchema } from '../core/lint/schema/snapshot.ts';
import type { Finding } from '../core/lint/types.ts';
import { leftAlone } from './left-alone.ts';
import { MAX_MANIFEST_BYTES, readFileCapped } from './read-input.ts';

/** What every worker lints with: the run's options, plain data (no schema: each loads the bundled one). */
export type WorkerOptions = Pick<LintOptions, 'config' | 'kubernetesVersion' | 'cluster' | 'profile'>;

export interface WorkerData {
  readonly kubeWorkbenchLintWorker: true;
  readonly options: WorkerOptions;
  readonly jobs: readonly FileJob[];
  /** One Int32: the next job to claim, shared by the workers, so none waits for the main thread to hand out work. */
  readonly next: SharedArrayBuffer;
  readonly batchSize: number;
}

export interface FileJob {
  readonly index: number;
  /** As shown and as findings name it. */
  readonly path: string;
  readonly absolute: string;
  /** Found by walking a folder (not named): left alone unless it holds Kubernetes content. */
  readonly discovered: boolean;
}

export interface FileResult {
  readonly index: number;
  /** None for a file left alone, too large or unreadable: the main thread reads it too and says why. */
  readonly findings: readonly Finding[];
}

/** Reads, parses and lints one file with the per-file rules. */
async function lintJob(job: FileJob, options: LintOptions): Promise<FileResult> {
  const text = await readFileCapped(job.absolute, MAX_MANIFEST_BYTES, job.path).catch(() => undefined);
  const file = text === undefined ? undefined : createLintFile(job.path, text);
  return { index: job.index, findings: file === undefined || leftAlone(file, job.discovered) ? [] : lint([file], options) };
}

/** Claims batches of jobs until none is left, posting each batch's results. */
async function serve(data: WorkerData): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  // Rules that may be per-file for some set: the main thread drops those the whole set rules out.
  const options: LintOptions = { ...data.options, schema: await loadBundledSchema(), rules: allRules.filter((rule) => isPerFileRule(rule)) };
  const next = new Int32Array(data.next);
  for (let start = Atomics.add(next, 0, data.batchSize); start < data.jobs.length; start = Atomics.add(next, 0, data.batchSize)) {
    port.postMessage(await Promise.all(data.jobs.slice(start, start + data.batchSize).map((job) => lintJob(job, options))));
  }
}

if (!isMainThread && (workerData as Partial<WorkerData> | null)?.kubeWorkbenchLintWorker === true) void serve(workerData as WorkerData);
