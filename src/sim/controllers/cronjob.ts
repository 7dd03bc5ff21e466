/**
 * The CronJob controller: every 10 s it creates the Job of the latest missed schedule time (one
 * per time, named `<cronjob>-<minutes since epoch>` like the real controller), honours suspend and
 * concurrencyPolicy, and trims finished Jobs to the history limits.
 */
import type { CronJob, Job } from '../objects.ts';
import { clone, conditionOf } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { modify, ownerReference } from './environment.ts';
import { lastScheduled, parseCron } from './cron-schedule.ts';

const checkEveryMs = 10_000;

function finishedAs(job: Job): 'Complete' | 'Failed' | undefined {
  if (conditionOf(job.status?.conditions, 'Complete')?.status === 'True') return 'Complete';
  if (conditionOf(job.status?.conditions, 'Failed')?.status === 'True') return 'Failed';
  return undefined;
}

export class CronJobController {
  private readonly environment: ControllerEnvironment;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    environment.clock.setInterval(() => {
      for (const { object } of [...environment.store.scan(environment.types.cronJob)]) this.sync(object as CronJob);
    }, checkEveryMs);
  }

  private sync(cronJob: CronJob): void {
    const { store, types, clock, owners, events } = this.environment;
    const jobs = owners.dependents(cronJob.metadata.uid ?? '', types.job) as Job[];
    const running = jobs.filter((job) => finishedAs(job) === undefined);
    let schedule;
    try {
      schedule = parseCron(cronJob.spec.schedule);
    } catch (error) {
      events.record(cronJob, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${String(error)}`, 'cronjob-controller');
      return;
    }
    const after = Date.parse(cronJob.status?.lastScheduleTime ?? cronJob.metadata.creationTimestamp ?? '');
    const due = cronJob.spec.suspend === true ? undefined : lastScheduled(schedule, after, clock.now());
    let lastScheduleTime = cronJob.status?.lastScheduleTime;
    if (due !== undefined && !(cronJob.spec.concurrencyPolicy === 'Forbid' && running.length > 0)) {
      if (cronJob.spec.concurrencyPolicy === 'Replace') {
        for (const job of running) store.delete(types.job, job.metadata.namespace, job.metadata.name ?? '');
        running.length = 0;
      }
      const job = this.createJob(cronJob, due);
      running.push(job);
      lastScheduleTime = clock.timestamp(due);
      events.record(cronJob, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name ?? ''}`, 'cronjob-controller');
    }
    this.trim(cronJob, jobs, 'Complete', cronJob.spec.successfulJobsHistoryLimit ?? 3);
    this.trim(cronJob, jobs, 'Failed', cronJob.spec.failedJobsHistoryLimit ?? 1);
    const succeeded = jobs.filter((job) => finishedAs(job) === 'Complete').map((job) => job.status?.completionTime ?? '').sort();
    modify(this.environment, types.cronJob, store.get(types.cronJob, cronJob.metadata.namespace, cronJob.metadata.name ?? '') as CronJob, (copy) => {
      copy.status = {
        ...(running.length > 0 ? { active: running.map((job) => ({ kind: 'Job', namespace: job.metadata.namespace ?? '', name: job.metadata.name ?? '', uid: job.metadata.uid ?? '', apiVersion: 'batch/v1' })) } : {}),
        ...(lastScheduleTime === undefined ? {} : { lastScheduleTime }),
        ...(succeeded.length > 0 ? { lastSuccessfulTime: succeeded[succeeded.length - 1] } : {}),
      };
    });
  }

  private createJob(cronJob: CronJob, time: number): Job {
    const template = clone(cronJob.spec.jobTemplate);
    return this.environment.createObject(this.environment.types.job, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: `${cronJob.metadata.name ?? ''}-${Math.floor(time / 60_000)}`,
        namespace: cronJob.metadata.namespace,
        labels: template.metadata?.labels,
        annotations: { ...template.metadata?.annotations, 'batch.kubernetes.io/cronjob-scheduled-timestamp': new Date(time).toISOString() },
        ownerReferences: [ownerReference(cronJob)],
      },
      spec: template.spec,
    }) as Job;
  }

  private trim(cronJob: CronJob, jobs: Job[], outcome: 'Complete' | 'Failed', limit: number): void {
    const done = jobs.filter((job) => finishedAs(job) === outcome).sort((left, right) => (left.metadata.creationTimestamp ?? '').localeCompare(right.metadata.creationTimestamp ?? ''));
    for (const job of done.slice(0, Math.max(0, done.length - limit))) {
      this.environment.store.delete(this.environment.types.job, job.metadata.namespace, job.metadata.name ?? '');
      this.environment.events.record(cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name ?? ''}`, 'cronjob-controller');
    }
  }
}
