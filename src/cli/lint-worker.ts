// A worker thread of `kube-workbench lint`'s pool (lint-pool.ts), in two rounds. First it parses its
// batches of the files and answers what each file is, with its objects as plain data (JSON). Then, given
// every worker's objects, it lints its own files against the whole set: every rule runs here, and only
// findings go back (JSON too).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createLintFile, lint, setObjectsOf, type LintOptions } from '../core/lint/engine.ts';
import { setObject } from '../core/lint/objects.ts';
import { loadBundledSchema } from '../core/lint/schema/snapshot.ts';
import { isKustomization } from '../core/lint/templates.ts';
import type { ClusterFacts, Finding, KubeObject, LintFile, SetObject } from '../core/lint/types.ts';
import type { Mapping } from '../core/lint/values.ts';
import { leftAlone } from './left-alone.ts';
import { MAX_MANIFEST_BYTES, readFileCapped } from './read-input.ts';

/** What every worker lints with: the run's options, plain data (no schema: each loads the bundled one). */
export type WorkerOptions = Pick<LintOptions, 'config' | 'kubernetesVersion' | 'profile'>;

export interface WorkerData {
  readonly kubeWorkbenchLintWorker: true;
  readonly options: WorkerOptions;
  readonly jobs: readonly FileJob[];
  /** This worker takes batches `worker`, `worker + workers`, ... of the jobs: spread evenly, known in advance. */
  readonly worker: number;
  readonly workers: number;
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

/** What the first round found a file to be. */
export interface FileOutcome {
  readonly index: number;
  /**
   * linted: parsed here, one of the set (`skipped` says when the parser gave up on it); left-alone: not
   * Kubernetes; unread: too large or unreadable, for the main thread to read and report as it does alone.
   */
  readonly state: 'linted' | 'left-alone' | 'unread';
  readonly skipped?: string;
  /** A linted file's text: the main thread turns the offsets of findings (and of related places) into lines with it. */
  readonly text?: string;
  readonly kustomization: boolean;
}

/** A worker's answer to the first round. */
export interface ParsedPart {
  readonly outcomes: readonly FileOutcome[];
  /**
   * Its files' objects as JSON `FileObjects[]`: JSON.parse reads plain data faster than node:v8 deserializes
   * it. (YAML's .inf and .nan arrive as null: no rule compares those across objects.)
   */
  readonly objects: string;
}

/** One file's objects: its index among the jobs, its path, and each object's value and the offsets where it is named. */
type FileObjects = [index: number, path: string, objects: [value: Mapping, start: number, end: number][]];

/** The second round's request: every worker's objects (by worker), and the cluster facts the main thread read meanwhile. */
export interface LintRound {
  readonly parts: readonly string[];
  readonly cluster: ClusterFacts | undefined;
}

/** Reads and parses one job's file, keeping it when it joins the set. */
async function parseJob(job: FileJob, kept: Map<LintFile, number>): Promise<FileOutcome> {
  const text = await readFileCapped(job.absolute, MAX_MANIFEST_BYTES, job.path).catch(() => undefined);
  if (text === undefined) return { index: job.index, state: 'unread', kustomization: false };
  const file = createLintFile(job.path, text);
  const kustomization = isKustomization(file);
  if (leftAlone(file, job.discovered)) return { index: job.index, state: 'left-alone', kustomization };
  kept.set(file, job.index);
  return { index: job.index, state: 'linted', kustomization, text, ...(file.parsed.skipped === undefined ? {} : { skipped: file.parsed.skipped }) };
}

function partOf(kept: ReadonlyMap<LintFile, number>): string {
  const files: FileObjects[] = [];
  for (const [file, index] of kept) files.push([index, file.path, setObjectsOf(file).map((object) => [object.value, object.range.start, object.range.end])]);
  return JSON.stringify(files);
}

/**
 * The whole set's objects in input order, given this worker's own (the engine's instances, so rules can
 * tell the object they check) and every worker's part (this one's skipped: its own stand in for it).
 */
function wholeSetOf(kept: ReadonlyMap<LintFile, number>, mine: number, parts: readonly string[]): (own: readonly KubeObject[]) => SetObject[] {
  return (own) => {
    const byFile = new Map<number, SetObject[]>();
    for (const object of own) {
      const index = kept.get(object.file) as number;
      const list = byFile.get(index);
      if (list === undefined) byFile.set(index, [object]);
      else list.push(object);
    }
    for (const [worker, part] of parts.entries()) {
      if (worker === mine) continue;
      for (const [index, path, objects] of JSON.parse(part) as FileObjects[]) byFile.set(index, objects.map(([value, start, end]) => setObject(path, value, { start, end })));
    }
    const set: SetObject[] = [];
    for (const index of [...byFile.keys()].sort((a, b) => a - b)) for (const object of byFile.get(index) as SetObject[]) set.push(object);
    return set;
  };
}

/** Parses its batches of jobs, then lints its files against the set the main thread sends, answering their findings. */
async function serve(data: WorkerData): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  const kept = new Map<LintFile, number>();
  const outcomes: FileOutcome[] = [];
  for (let start = data.worker * data.batchSize; start < data.jobs.length; start += data.workers * data.batchSize) {
    for (const outcome of await Promise.all(data.jobs.slice(start, start + data.batchSize).map((job) => parseJob(job, kept)))) outcomes.push(outcome);
  }
  const schema = await loadBundledSchema();
  // Listening keeps the worker alive after it answers: the pool ends it once every worker has.
  port.on('message', (round: LintRound) => {
    const wholeSet = wholeSetOf(kept, data.worker, round.parts);
    const findings: Finding[] = lint([...kept.keys()], { ...data.options, schema, wholeSet, ...(round.cluster === undefined ? {} : { cluster: round.cluster }) });
    port.postMessage(JSON.stringify(findings));
  });
  port.postMessage({ outcomes, objects: partOf(kept) } satisfies ParsedPart);
}

if (!isMainThread && (workerData as Partial<WorkerData> | null)?.kubeWorkbenchLintWorker === true) void serve(workerData as WorkerData);
