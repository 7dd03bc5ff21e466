// `kube-workbench lint` over a large tree on every core: worker threads (lint-worker.ts) read, parse
// and run the per-file rules while the main thread reads and parses the files itself for the rules that
// read the whole set; the findings are merged in lint()'s order. Ctrl-C ends the process, threads included.
import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { sortFindings } from '../core/lint/engine.ts';
import { fileSetTraits, isPerFileRule } from '../core/lint/locality.ts';
import { allRules } from '../core/lint/rules/index.ts';
import type { Finding, LintFile, Rule } from '../core/lint/types.ts';
import type { FileJob, FileResult, WorkerData, WorkerOptions } from './lint-worker.ts';
import { lintWorkerArgument } from './lint-worker-argument.ts';

/**
 * Below this many files one thread is faster: starting a worker (loading the linter) costs about what
 * linting ~150 small files does.
 */
export const minPoolFiles = 600;
/**
 * The main thread still parses every file for the whole-set rules, the larger share of a run: on two
 * cores a worker competes with it and with the collector for the cores and gained nothing (20,000
 * files), so the pool starts from four cores, where it takes the per-file rules off the main thread.
 */
const minPoolCores = 4;

/** Workers `lint` starts for `files` inputs on `cores` cores: none below the thresholds, else one per core but the main thread's. */
export function poolWorkers(files: number, cores: number): number {
  return files < minPoolFiles || cores < minPoolCores ? 0 : cores - 1;
}

/** Files a worker claims at once and answers in one message. */
const batchSize = 32;

export interface PoolRun {
  /** The module a worker runs: the CLI bundle itself, or lint-worker.ts from the sources (tests). */
  readonly script: string | URL;
  readonly options: WorkerOptions;
  readonly workers: number;
}

export interface RunningPool {
  /**
   * Each job's result, in job order. Until this is first called the workers do not keep the process
   * alive, so a run that fails on the main thread ends at once.
   */
  readonly results: () => Promise<FileResult[]>;
}

/** Starts the workers on the jobs: they claim batches from a shared counter until none is left. */
export async function startPool(jobs: readonly FileJob[], run: PoolRun): Promise<RunningPool> {
  // Loaded here: every `lint FILE` would otherwise pay for them at start.
  const { Worker } = await import('node:worker_threads');
  const count = Math.max(1, Math.min(run.workers, Math.ceil(jobs.length / batchSize)));
  const data: WorkerData = { kubeWorkbenchLintWorker: true, options: run.options, jobs, next: new SharedArrayBuffer(4), batchSize };
  const results: FileResult[] = new Array<FileResult>(jobs.length);
  const workers: Worker[] = [];
  let received = 0;
  const done = new Promise<FileResult[]>((resolve, reject) => {
    const stop = (error?: Error): void => {
      for (const worker of workers) void worker.terminate();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    for (let index = 0; index < count; index += 1) {
      const worker = new Worker(run.script, { workerData: data, argv: [lintWorkerArgument] });
      worker.unref();
      workers.push(worker);
      worker.on('message', (batch: readonly FileResult[]) => {
        for (const result of batch) results[result.index] = result;
        received += batch.length;
        if (received === jobs.length) stop();
      });
      worker.on('error', (error) => stop(error));
    }
    if (jobs.length === 0) stop();
  });
  return {
    results: () => {
      for (const worker of workers) worker.ref();
      return done;
    },
  };
}

/**
 * The findings of the whole set: the main thread's run of the rules that read the set, now (while the
 * workers work), then merged with the workers' per-file findings (in input order). A per-file finding
 * counts only if the set's traits keep its rule per-file. With a kustomization among the files (its
 * render may replace files), the set is linted as one.
 */
export function mergeFindings(files: readonly LintFile[], lintSet: (rules: readonly Rule[]) => Finding[]): (perFile: readonly FileResult[]) => Finding[] {
  const traits = fileSetTraits(files);
  if (traits.kustomizations) {
    const whole = lintSet(allRules);
    return () => whole;
  }
  const kept = new Set(allRules.filter((rule) => isPerFileRule(rule, traits)).map((rule) => rule.id));
  const setFindings = lintSet(allRules.filter((rule) => !kept.has(rule.id)));
  return (perFile) => {
    const findings: Finding[] = [];
    for (const result of perFile) for (const finding of result.findings) if (kept.has(finding.ruleId)) findings.push(finding);
    for (const finding of setFindings) findings.push(finding);
    return sortFindings(findings);
  };
}

/** The per-file lint of the inputs in the background. */
export interface PerFilePool {
  /** The whole set's findings, once `files` (the inputs the main thread read and kept) are known. */
  readonly findings: (files: readonly LintFile[], lintSet: (rules: readonly Rule[]) => Finding[]) => Promise<Finding[]>;
}

/**
 * A pool started on the inputs when there are enough of them and of cores (poolWorkers), the CLI runs
 * from its bundle (the script a worker loads) and none is stdin; else undefined.
 */
export async function perFilePool(paths: readonly string[], discovered: ReadonlySet<string>, cwd: string, options: WorkerOptions): Promise<PerFilePool | undefined> {
  const script = typeof __filename === 'string' ? __filename : undefined;
  if (script === undefined || paths.length < minPoolFiles || paths.includes('-')) return undefined;
  const workers = poolWorkers(paths.length, (await import('node:os')).availableParallelism());
  if (workers === 0) return undefined;
  const pool = await startPool(
    paths.map((path, index) => ({ index, path, absolute: resolve(cwd, path), discovered: discovered.has(path) })),
    { script, options, workers },
  );
  return {
    findings: async (files, lintSet) => {
      const merge = mergeFindings(files, lintSet);
      return merge(await pool.results());
    },
  };
}
