// `kube-workbench lint` over a large tree on every core: worker threads (lint-worker.ts) read and parse
// the files, share their objects with one another, then each lints its own files against the whole set.
// The main thread only hands out the run and merges the findings. Ctrl-C ends the process, threads included.
import { once } from 'node:events';
import { resolve } from 'node:path';
import { compareFindings } from '../core/lint/engine.ts';
import type { ClusterFacts, Finding } from '../core/lint/types.ts';
import type { FileJob, FileOutcome, LintRound, ParsedPart, WorkerData, WorkerOptions } from './lint-worker.ts';
import { lintWorkerArgument } from './lint-worker-argument.ts';

/**
 * Below this many files one thread is faster: starting a worker (loading the linter) costs about what
 * linting ~150 small files does.
 */
export const minPoolFiles = 600;

/** Workers `lint` starts for `files` inputs on `cores` cores: one per core from two cores and 600 files (the main thread mostly waits). */
export function poolWorkers(files: number, cores: number): number {
  return files < minPoolFiles || cores < 2 ? 0 : cores;
}

/** A finding as a worker's JSON gives it, completed before it is handed on. */
type Received = { -readonly [K in keyof Finding]: Finding[K] };

/** Files a worker takes in a row. */
const batchSize = 32;

export interface PoolRun {
  /** The module a worker runs: the CLI bundle itself, or lint-worker.ts from the sources (tests). */
  readonly script: string | URL;
  readonly options: WorkerOptions;
  readonly workers: number;
}

export interface LintPool {
  /**
   * What each input turned out to be, in input order. Until this is first called the workers do not
   * keep the process alive, so a run that fails on the main thread ends at once.
   */
  readonly outcomes: () => Promise<FileOutcome[]>;
  /** The findings of the whole set (after `outcomes`), ordered as lint() orders them. */
  readonly findings: (cluster: ClusterFacts | undefined) => Promise<Finding[]>;
  /** Ends the workers: for a set the pool does not lint (a kustomization among the files). */
  readonly stop: () => void;
}

/** Starts the workers on the jobs, each on every `count`-th batch of them. */
export async function startPool(jobs: readonly FileJob[], run: PoolRun): Promise<LintPool> {
  // Loaded here: every `lint FILE` would otherwise pay for them at start.
  const { Worker } = await import('node:worker_threads');
  const count = Math.max(1, Math.min(run.workers, Math.ceil(jobs.length / batchSize)));
  const workers = Array.from({ length: count }, (_, index) => {
    const data: WorkerData = { kubeWorkbenchLintWorker: true, options: run.options, jobs, worker: index, workers: count, batchSize };
    const worker = new Worker(run.script, { workerData: data, argv: [lintWorkerArgument] });
    worker.unref();
    return worker;
  });
  const stop = (): void => {
    for (const worker of workers) void worker.terminate();
  };
  // Workers only end when stopped: one that ends on its own fails whatever waits for its answer.
  const ended = Promise.race(
    workers.map(async (worker): Promise<never> => {
      const [code] = (await once(worker, 'exit')) as [number];
      throw new Error(`a lint worker ended (exit ${code}) before it answered`);
    }),
  );
  /**
   * Every worker's next answer, read as it comes, in worker order; a worker's error (once() rejects
   * with it) or end stops them all. Asked before the answer can come, so none is missed.
   */
  const answers = <T>(read: (message: unknown) => T): Promise<T[]> => {
    const all = Promise.race([Promise.all(workers.map(async (worker) => read((await once(worker, 'message'))[0]))), ended]);
    all.catch(stop);
    return all;
  };
  // A worker answers twice: its parsed part, then its findings as JSON.
  const parsed = answers((message) => message as ParsedPart);
  return {
    outcomes: async () => {
      for (const worker of workers) worker.ref();
      const outcomes = new Array<FileOutcome>(jobs.length);
      for (const part of await parsed) for (const outcome of part.outcomes) outcomes[outcome.index] = outcome;
      return outcomes;
    },
    findings: async (cluster) => {
      // By worker: a worker skips its own part of the set (its own objects stand in for it).
      const round: LintRound = { parts: (await parsed).map((part) => part.objects), cluster };
      const linted = answers((message) => JSON.parse(message as string) as Received[]);
      for (const worker of workers) worker.postMessage(round);
      const findings = await linted;
      stop();
      return mergeSorted(findings);
    },
    stop,
  };
}

/**
 * The workers' findings as one list in lint()'s order: each part is in that order and holds its own files
 * (no two parts share a path, so the merge is what sorting them all would give).
 */
function mergeSorted(parts: readonly Received[][]): Finding[] {
  const merged: Finding[] = [];
  const cursors = parts.map((findings) => ({ findings, at: 0 }));
  for (;;) {
    let first: (typeof cursors)[number] | undefined;
    for (const cursor of cursors) {
      const head = cursor.findings[cursor.at];
      if (head !== undefined && (first === undefined || compareFindings(head, first.findings[first.at] as Finding) < 0)) first = cursor;
    }
    if (first === undefined) return merged;
    const finding = first.findings[first.at] as Received;
    first.at += 1;
    // JSON leaves out the fix of a finding without one.
    finding.fix ??= undefined;
    merged.push(finding);
  }
}

/** Where the pool's workers start and on how many cores. */
export interface PoolPlace {
  /** The module a worker runs: the CLI bundle itself (lint-worker.ts from the sources in tests). */
  readonly script: string | URL;
  readonly cores: number;
}

/** The CLI bundle and this machine's cores; none when running from the sources (no bundle for a worker to load). */
export async function bundlePlace(): Promise<PoolPlace | undefined> {
  return typeof __filename === 'string' ? { script: __filename, cores: (await import('node:os')).availableParallelism() } : undefined;
}

/** A pool started on the inputs when there are enough of them and of cores (poolWorkers) and none is stdin; else undefined. */
export async function lintPool(paths: readonly string[], discovered: ReadonlySet<string>, cwd: string, options: WorkerOptions, where: () => Promise<PoolPlace | undefined>): Promise<LintPool | undefined> {
  // Asked only for a large tree: `lint FILE` pays for nothing here.
  const place = paths.length < minPoolFiles || paths.includes('-') ? undefined : await where();
  if (place === undefined) return undefined;
  const workers = poolWorkers(paths.length, place.cores);
  if (workers === 0) return undefined;
  return startPool(
    paths.map((path, index) => ({ index, path, absolute: resolve(cwd, path), discovered: discovered.has(path) })),
    { script: place.script, options, workers },
  );
}
