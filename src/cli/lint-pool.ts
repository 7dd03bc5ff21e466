// `kube-workbench lint` over a large tree on every core: worker threads (lint-worker.ts) read, parse
// and run the per-file rules; the main thread turns their parses back into files for the rules that
// read the whole set, and merges the findings in lint()'s order.
import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { lintFileOf, sortFindings } from '../core/lint/engine.ts';
import { fileSetTraits, isPerFileRule } from '../core/lint/locality.ts';
import { allRules } from '../core/lint/rules/index.ts';
import type { Finding, LintFile, Rule } from '../core/lint/types.ts';
import { fromTransfer } from '../core/yaml/transfer.ts';
import type { FileJob, FileResult, WorkerData, WorkerOptions } from './lint-worker.ts';
import { lintWorkerArgument } from './lint-worker-argument.ts';
import { UsageError } from './usage-error.ts';

/**
 * Below this many files one thread is faster: starting a worker (loading the linter) costs about what
 * linting ~150 small files does, and the main thread's share (the set's rules) does not shrink.
 */
export const minPoolFiles = 600;
/** Files per message: few enough to spread the work evenly, enough that messages cost little. */
const batchSize = 32;
/** Batches a worker holds at once: one at work and one waiting, so it never idles on the main thread. */
const batchesInFlight = 2;

export interface PoolRun {
  /** The module a worker runs: the CLI bundle itself, or lint-worker.ts from the sources (tests). */
  readonly script: string | URL;
  readonly options: WorkerOptions;
  /** Workers to start; default all cores, at most one per `minPoolFiles / 4` files. */
  readonly workers?: number;
  /** Aborting (SIGINT) terminates the workers and rejects. */
  readonly signal?: AbortSignal;
}

/** Each job's result, in job order. */
export async function runPool(jobs: readonly FileJob[], run: PoolRun): Promise<FileResult[]> {
  // Loaded here: every `lint FILE` would otherwise pay for them at start.
  const [{ Worker }, { availableParallelism }] = await Promise.all([import('node:worker_threads'), import('node:os')]);
  const count = Math.max(1, Math.min(run.workers ?? availableParallelism(), Math.ceil(jobs.length / (minPoolFiles / 4))));
  const data: WorkerData = { kubeWorkbenchLintWorker: true, options: run.options };
  const results: FileResult[] = new Array<FileResult>(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  let pending = 0;
  return new Promise<FileResult[]>((resolve, reject) => {
    const stop = (error?: Error): void => {
      run.signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const onAbort = (): void => stop(new Error('interrupted'));
    const feed = (worker: Worker): void => {
      if (next >= jobs.length) {
        if (pending === 0) stop();
        return;
      }
      worker.postMessage(jobs.slice(next, next + batchSize));
      next += batchSize;
      pending += 1;
    };
    if (run.signal?.aborted === true) return onAbort();
    run.signal?.addEventListener('abort', onAbort, { once: true });
    for (let index = 0; index < count; index += 1) {
      const worker = new Worker(run.script, { workerData: data, argv: [lintWorkerArgument] });
      workers.push(worker);
      worker.on('message', (batch: readonly FileResult[]) => {
        for (const result of batch) results[result.index] = result;
        pending -= 1;
        feed(worker);
      });
      worker.on('error', (error) => stop(error));
      for (let batch = 0; batch < batchesInFlight; batch += 1) feed(worker);
    }
  });
}

/**
 * The findings of the whole set from the workers' per-file findings and the main thread's run of the
 * other rules: a per-file finding counts only if the set's traits keep its rule per-file. With a
 * kustomization among the files (its render may replace files), the set is linted as one.
 */
export function mergeFindings(files: readonly LintFile[], perFile: readonly (readonly Finding[])[], lintSet: (rules: readonly Rule[]) => Finding[]): Finding[] {
  const traits = fileSetTraits(files);
  if (traits.kustomizations) return lintSet(allRules);
  const kept = new Set(allRules.filter((rule) => isPerFileRule(rule, traits)).map((rule) => rule.id));
  const findings: Finding[] = [];
  for (const list of perFile) for (const finding of list) if (kept.has(finding.ruleId)) findings.push(finding);
  for (const finding of lintSet(allRules.filter((rule) => !kept.has(rule.id)))) findings.push(finding);
  return sortFindings(findings);
}

/** The inputs as the workers read them: each one's file, and the whole set's findings. */
export interface PooledInputs {
  /** The input's file; undefined when it is larger than the bound; throws when it could not be read. */
  readonly file: (index: number) => LintFile | undefined;
  readonly findings: (files: readonly LintFile[], lintSet: (rules: readonly Rule[]) => Finding[]) => Finding[];
}

/**
 * The inputs read, parsed and linted per file by a pool, when there are enough of them, the CLI runs
 * from its bundle (the script a worker loads) and none is stdin; else undefined. SIGINT stops the pool.
 */
export async function poolInputs(paths: readonly string[], discovered: ReadonlySet<string>, cwd: string, options: WorkerOptions): Promise<PooledInputs | undefined> {
  const script = typeof __filename === 'string' ? __filename : undefined;
  if (script === undefined || paths.length < minPoolFiles || paths.includes('-') || (await import('node:os')).availableParallelism() < 2) return undefined;
  const jobs = paths.map((path, index) => ({ index, path, absolute: resolve(cwd, path), discovered: discovered.has(path) }));
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.once('SIGINT', abort);
  let results: FileResult[];
  try {
    results = await runPool(jobs, { script, options, signal: controller.signal });
  } finally {
    process.removeListener('SIGINT', abort);
  }
  return {
    file: (index) => {
      const result = results[index] as FileResult;
      if (result.kind === 'error') throw new UsageError(result.message);
      return result.kind === 'too-large' ? undefined : lintFileOf(paths[index] as string, fromTransfer(result.parsed));
    },
    findings: (files, lintSet) => mergeFindings(files, results.map((result) => (result.kind === 'parsed' ? result.findings : [])), lintSet),
  };
}
