/**
 * The Job controller: runs up to `parallelism` pods until `completions` succeed; more than
 * `backoffLimit` failures end it Failed (BackoffLimitExceeded), as does `activeDeadlineSeconds`
 * (DeadlineExceeded); `ttlSecondsAfterFinished` deletes it (and its pods) once finished.
 */
import type { Condition, Job, Pod } from '../objects.ts';
import { conditionOf, setCondition } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { createOwnedPod, keyOf, modify, splitKey, watchOwned } from './environment.ts';
import { isActive, isReady } from './replicaset.ts';
import { RetryBackoff } from './retry-backoff.ts';

function finished(job: Job): boolean {
  return ['Complete', 'Failed'].some((type) => conditionOf(job.status?.conditions, type)?.status === 'True');
}

export class JobController {
  private readonly environment: ControllerEnvironment;
  private readonly enqueue: (key: string) => void;
  /** Jobs with a deadline or TTL timer pending, so each sync does not add another. */
  private readonly timers = new Set<string>();
  private readonly retries: RetryBackoff;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    this.enqueue = environment.queues.create('job', (key) => this.sync(key));
    this.retries = new RetryBackoff(environment.clock, this.enqueue);
    watchOwned(environment, environment.types.job, environment.types.pod, this.enqueue);
  }

  private sync(key: string): void {
    const { store, types, owners, clock } = this.environment;
    const { namespace, name } = splitKey(key);
    const job = store.get(types.job, namespace, name) as Job | undefined;
    if (job === undefined) return;
    if (finished(job)) {
      this.expireLater(job);
      return;
    }
    const pods = owners.dependents(job.metadata.uid ?? '', types.pod) as Pod[];
    const active = pods.filter(isActive);
    const succeeded = pods.filter((pod) => pod.status?.phase === 'Succeeded').length;
    const failed = pods.filter((pod) => pod.status?.phase === 'Failed').length;
    const now = clock.now();
    const startTime = job.status?.startTime ?? clock.timestamp();
    const deadline = job.spec.activeDeadlineSeconds === undefined ? undefined : Date.parse(startTime) + job.spec.activeDeadlineSeconds * 1000;
    const completions = job.spec.completions ?? null;

    let outcome: { type: 'Complete' | 'Failed'; reason: string; message: string } | undefined;
    if (failed > (job.spec.backoffLimit ?? 6)) outcome = { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    else if (deadline !== undefined && now >= deadline) outcome = { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    else if (completions === null ? succeeded > 0 && active.length === 0 : succeeded >= completions) {
      outcome = { type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
    }

    if (outcome === undefined && job.spec.suspend !== true) {
      const remaining = completions === null ? (succeeded > 0 ? 0 : job.spec.parallelism ?? 1) : completions - succeeded;
      const wanted = Math.min(job.spec.parallelism ?? 1, remaining);
      while (active.length < wanted) {
        const pod = createOwnedPod(this.environment, job, job.spec.template);
        if (pod === undefined) break;
        active.push(pod);
      }
      if (active.length < wanted) this.retries.retry(key);
      else this.retries.forget(key);
      if (deadline !== undefined) this.after(`deadline|${key}`, deadline - now, key);
    }
    if (outcome?.type === 'Failed') {
      for (const pod of active) store.delete(types.pod, pod.metadata.namespace, pod.metadata.name ?? '');
      active.length = 0;
    }
    this.updateStatus(job, { active, succeeded, failed, startTime, outcome });
  }

  private updateStatus(job: Job, state: { active: Pod[]; succeeded: number; failed: number; startTime: string; outcome: { type: string; reason: string; message: string } | undefined }): void {
    const { clock, types, events } = this.environment;
    const now = clock.timestamp();
    const updated = modify(this.environment, types.job, job, (copy) => {
      let conditions: Condition[] = copy.status?.conditions ?? [];
      if (state.outcome !== undefined) {
        // Since 1.31 the terminal condition follows SuccessCriteriaMet / FailureTarget (KEP-4368).
        const interim = state.outcome.type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget';
        for (const type of [interim, state.outcome.type]) {
          conditions = setCondition(conditions, { type, status: 'True', reason: state.outcome.reason, message: state.outcome.message, lastProbeTime: now }, now);
        }
      }
      copy.status = {
        ...copy.status,
        startTime: state.startTime,
        active: state.active.length,
        ready: state.active.filter(isReady).length,
        terminating: 0,
        ...(state.succeeded > 0 ? { succeeded: state.succeeded } : {}),
        ...(state.failed > 0 ? { failed: state.failed } : {}),
        uncountedTerminatedPods: {},
        ...(conditions.length > 0 ? { conditions } : {}),
        ...(state.outcome?.type === 'Complete' ? { completionTime: now } : {}),
      };
      if (copy.status.active === 0) delete copy.status.active;
    });
    if (state.outcome !== undefined && !finished(job)) {
      events.record(updated, state.outcome.type === 'Complete' ? 'Normal' : 'Warning', state.outcome.type === 'Complete' ? 'Completed' : state.outcome.reason, state.outcome.type === 'Complete' ? 'Job completed' : state.outcome.message, 'job-controller');
    }
  }

  /** ttlSecondsAfterFinished: delete the Job (its pods follow through the garbage collector) once the TTL passes. */
  private expireLater(job: Job): void {
    const ttl = job.spec.ttlSecondsAfterFinished;
    if (ttl === undefined) return;
    const finishedAt = [...(job.status?.conditions ?? [])].map((condition) => Date.parse(condition.lastTransitionTime ?? '')).reduce((latest, time) => Math.max(latest, time), 0);
    const due = finishedAt + ttl * 1000 - this.environment.clock.now();
    if (due > 0) {
      this.after(`ttl|${keyOf(job)}`, due, keyOf(job));
      return;
    }
    this.environment.store.delete(this.environment.types.job, job.metadata.namespace, job.metadata.name ?? '');
  }

  private after(timer: string, delay: number, key: string): void {
    if (this.timers.has(timer)) return;
    this.timers.add(timer);
    this.environment.clock.setTimeout(() => {
      this.timers.delete(timer);
      this.enqueue(key);
    }, Math.max(0, delay));
  }
}
